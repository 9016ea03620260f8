namespace Interop.Hub.Core.Statistics;

/// <summary>
/// <see cref="CellRelation"/>s in flat arrays, in the order they are added: what
/// <see cref="SmallCellSuppression.Complete(long[], CellRelations, bool[])"/> sweeps. A family's decision holds
/// tens of thousands of identities; one list each cost more than deciding them.
/// </summary>
public sealed class CellRelations
{
    private int[] sums = new int[256];
    private int[] starts = new int[257];
    private int[] parts = new int[1024];

    public int Count { get; private set; }

    /// <summary>Every part of every relation, relation r's from <see cref="Start"/>(r) to <see cref="Start"/>(r + 1).</summary>
    internal int[] Parts => parts;

    public static CellRelations Of(IEnumerable<CellRelation> relations)
    {
        var flat = new CellRelations();
        foreach (var relation in relations)
        {
            flat.Begin(relation.Sum);
            foreach (var part in relation.Parts)
            {
                flat.AddPart(part);
            }
        }

        return flat;
    }

    /// <summary>Starts a relation whose total is <paramref name="sum"/> (a cell, or <see cref="CellRelation.PublishedElsewhere"/> or <see cref="CellRelation.WithheldElsewhere"/>); its parts follow.</summary>
    public void Begin(int sum)
    {
        if (Count + 1 >= sums.Length)
        {
            Array.Resize(ref sums, sums.Length * 2);
            Array.Resize(ref starts, (starts.Length * 2) - 1);
        }

        sums[Count] = sum;
        starts[Count + 1] = starts[Count];
        Count++;
    }

    /// <summary>Adds a part to the relation begun last.</summary>
    public void AddPart(int part)
    {
        var end = starts[Count];
        if (end == parts.Length)
        {
            Array.Resize(ref parts, parts.Length * 2);
        }

        parts[end] = part;
        starts[Count] = end + 1;
    }

    public int Sum(int relation) => sums[relation];

    internal int Start(int relation) => starts[relation];
}
