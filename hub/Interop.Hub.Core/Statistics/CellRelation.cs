namespace Interop.Hub.Core.Statistics;

/// <summary>
/// A published identity between cells of a table: the cell <paramref name="Sum"/> is the sum of the cells
/// <paramref name="Parts"/> (indexes). <paramref name="Sum"/> is <see cref="PublishedElsewhere"/> when the
/// total is a figure of another call, taken as published whatever that call decides.
/// </summary>
public sealed record CellRelation(int Sum, IReadOnlyList<int> Parts)
{
    /// <summary>A total decided by another call (a département over its EPCIs) and published there: counted as shown, never suppressed here.</summary>
    public const int PublishedElsewhere = -1;

    /// <summary>A total decided by another call and withheld there: counted as hidden, so at least one part must be hidden too.</summary>
    public const int WithheldElsewhere = -2;
}
