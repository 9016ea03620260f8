namespace Interop.Hub.Core.Statistics;

/// <summary>
/// Statistical disclosure control for the observatory's counts: the one owner
/// of what "small" means and of secondary suppression. A count from 1 to
/// <c>threshold - 1</c> is suppressed (primary suppression: a cell that small
/// may point at a household). Then, wherever a published identity (a total
/// and its parts) has exactly one suppressed cell, subtracting the published
/// cells would give it back: another cell of that identity is suppressed too
/// (secondary suppression), the smallest non-zero part first, until every
/// identity hides either nothing or at least two cells. Zero is published: it
/// says that nobody is there, which points at no one.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>The default threshold: no published cell below 5 (the practice of the French statistical secret for counts of households).</summary>
    public const int DefaultThreshold = 5;

    /// <summary>Whether a count, or a difference of two published counts, would point at too few households: from 1 to <c>threshold - 1</c>.</summary>
    public static bool IsSmall(long count, int threshold) => count > 0 && count < threshold;

    /// <returns>For each cell, whether it is suppressed.</returns>
    public static bool[] Suppress(IReadOnlyList<long> values, IReadOnlyList<CellRelation> relations, int threshold = DefaultThreshold) =>
        Complete(values, relations, values.Select(v => IsSmall(v, threshold)).ToArray());

    /// <summary>
    /// Secondary suppression: adds to <paramref name="suppressed"/> (primary decisions, changed in place)
    /// until no identity of <paramref name="relations"/> hides exactly one cell. Deterministic: the same
    /// values, relations and primary decisions give the same cells, whatever their origin.
    /// </summary>
    public static bool[] Complete(IReadOnlyList<long> values, IReadOnlyList<CellRelation> relations, bool[] suppressed) =>
        Complete(values.ToArray(), CellRelations.Of(relations), suppressed);

    /// <inheritdoc cref="Complete(IReadOnlyList{long}, IReadOnlyList{CellRelation}, bool[])"/>
    public static bool[] Complete(long[] values, CellRelations relations, bool[] suppressed)
    {
        // The same sweeps over the relations in order as a plain "repeat until nothing changes", but a relation is
        // looked at again only once one of its cells was withheld since its last look: a look that changed nothing
        // gives the same answer on the same cells. The choices, and so the cells withheld, are those of the plain
        // sweeps, at a fraction of the cost (a family's decision holds tens of thousands of relations, and a
        // withheld cell touches a handful of them).
        // For each cell, the relations it is in: flat arrays (cell c's are touching[start[c]..start[c + 1]]), as a
        // family's decision has a hundred thousand cells.
        var parts = relations.Parts;
        var start = new int[suppressed.Length + 1];
        for (var r = 0; r < relations.Count; r++)
        {
            if (relations.Sum(r) >= 0)
            {
                start[relations.Sum(r) + 1]++;
            }

            for (var i = relations.Start(r); i < relations.Start(r + 1); i++)
            {
                start[parts[i] + 1]++;
            }
        }

        for (var c = 0; c < suppressed.Length; c++)
        {
            start[c + 1] += start[c];
        }

        var touching = new int[start[^1]];
        var filled = (int[])start.Clone();
        for (var r = 0; r < relations.Count; r++)
        {
            if (relations.Sum(r) >= 0)
            {
                touching[filled[relations.Sum(r)]++] = r;
            }

            for (var i = relations.Start(r); i < relations.Start(r + 1); i++)
            {
                touching[filled[parts[i]]++] = r;
            }
        }

        var stale = new bool[relations.Count];
        Array.Fill(stale, true);
        bool changed;
        do
        {
            changed = false;
            for (var r = 0; r < relations.Count; r++)
            {
                if (!stale[r])
                {
                    continue;
                }

                stale[r] = false;
                if (Hidden(relations, r, suppressed) != 1)
                {
                    continue;
                }

                var chosen = Choose(relations, r, values, suppressed);
                if (chosen < 0)
                {
                    // A lone part of a total published elsewhere: that total is the part, so the part is
                    // protected only if the other call withholds it too, which the rule of that call decides.
                    continue;
                }

                suppressed[chosen] = true;
                changed = true;
                for (var t = start[chosen]; t < start[chosen + 1]; t++)
                {
                    stale[touching[t]] = true;
                }
            }
        }
        while (changed);

        return suppressed;
    }

    private static int Hidden(CellRelations relations, int r, bool[] suppressed)
    {
        var sum = relations.Sum(r);
        var hidden = sum >= 0 ? (suppressed[sum] ? 1 : 0) : sum == CellRelation.WithheldElsewhere ? 1 : 0;
        var parts = relations.Parts;
        for (var i = relations.Start(r); i < relations.Start(r + 1); i++)
        {
            hidden += suppressed[parts[i]] ? 1 : 0;
        }

        return hidden;
    }

    // The smallest non-zero part still published (the lowest index on a tie), else the first part still published,
    // else the total.
    private static int Choose(CellRelations relations, int r, long[] values, bool[] suppressed)
    {
        var smallest = -1;
        var first = -1;
        var parts = relations.Parts;
        for (var i = relations.Start(r); i < relations.Start(r + 1); i++)
        {
            var part = parts[i];
            if (suppressed[part])
            {
                continue;
            }

            if (first < 0 || part < first)
            {
                first = part;
            }

            if (values[part] > 0 && (smallest < 0 || values[part] < values[smallest] || (values[part] == values[smallest] && part < smallest)))
            {
                smallest = part;
            }
        }

        return smallest >= 0 ? smallest : first >= 0 ? first : relations.Sum(r);
    }
}
