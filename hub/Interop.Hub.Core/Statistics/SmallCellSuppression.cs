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
    public static bool[] Complete(IReadOnlyList<long> values, IReadOnlyList<CellRelation> relations, bool[] suppressed)
    {
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in relations)
            {
                var hidden = relation.Parts.Count(i => suppressed[i]) + (relation.Sum >= 0 ? (suppressed[relation.Sum] ? 1 : 0) : relation.Sum == CellRelation.WithheldElsewhere ? 1 : 0);
                if (hidden != 1)
                {
                    continue;
                }

                var candidates = relation.Parts.Where(i => !suppressed[i]).ToList();
                var chosen = candidates.Where(i => values[i] > 0).OrderBy(i => values[i]).ThenBy(i => i).Select(i => (int?)i).FirstOrDefault()
                    ?? candidates.OrderBy(i => i).Select(i => (int?)i).FirstOrDefault()
                    ?? relation.Sum;
                if (chosen < 0)
                {
                    // A lone part of a total published elsewhere: that total is the part, so the part is
                    // protected only if the other call withholds it too, which the rule of that call decides.
                    continue;
                }

                suppressed[chosen] = true;
                changed = true;
            }
        }
        while (changed);

        return suppressed;
    }
}
