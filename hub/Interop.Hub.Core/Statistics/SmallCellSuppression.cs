namespace Interop.Hub.Core.Statistics;

/// <summary>
/// Statistical disclosure control for the observatory's counts. A count from
/// 1 to <c>threshold - 1</c> is suppressed (primary suppression: a cell that
/// small may point at a household). Then, wherever a published identity
/// (a total and its parts) has exactly one suppressed cell, subtracting the
/// published cells would give it back: another cell of that identity is
/// suppressed too (secondary suppression), the smallest non-zero part first,
/// until every identity hides either nothing or at least two cells. Zero is
/// published: it says that nobody is there, which points at no one.
/// </summary>
public static class SmallCellSuppression
{
    /// <summary>The default threshold: no published cell below 5 (the practice of the French statistical secret for counts of households).</summary>
    public const int DefaultThreshold = 5;

    /// <returns>For each cell, whether it is suppressed.</returns>
    public static bool[] Suppress(IReadOnlyList<long> values, IReadOnlyList<CellRelation> relations, int threshold = DefaultThreshold)
    {
        var suppressed = values.Select(v => v > 0 && v < threshold).ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var relation in relations)
            {
                var members = relation.Parts.Append(relation.Sum);
                if (members.Count(i => suppressed[i]) != 1)
                {
                    continue;
                }

                var candidates = relation.Parts.Where(i => !suppressed[i]).ToList();
                var chosen = candidates.Where(i => values[i] > 0).OrderBy(i => values[i]).ThenBy(i => i).Select(i => (int?)i).FirstOrDefault()
                    ?? candidates.OrderBy(i => i).Select(i => (int?)i).FirstOrDefault()
                    ?? relation.Sum;
                suppressed[chosen] = true;
                changed = true;
            }
        }
        while (changed);

        return suppressed;
    }
}
