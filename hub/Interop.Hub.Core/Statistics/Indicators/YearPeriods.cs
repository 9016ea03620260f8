namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The periods of one calendar year that suppression decides together: its months, its quarters and the year,
/// each ending today at the latest. One owner, so <see cref="YearTables"/> and <see cref="YearCells"/> lay out
/// the same periods in the same order.
/// </summary>
public static class YearPeriods
{
    /// <returns>Months first, then quarters, then the year, as ranges of months (1 to 12); nothing after <paramref name="today"/>.</returns>
    public static IReadOnlyList<(int FromMonth, int ToMonth)> Of(int year, DateOnly today)
    {
        if (new DateOnly(year, 1, 1) > today)
        {
            return [];
        }

        var lastMonth = year == today.Year ? today.Month : 12;

        // A quarter or a year that has run one month so far is that month, and a year of one quarter is that
        // quarter: one table each, so a cell is never decided twice.
        var ranges = new List<(int From, int To)>();
        void Add(int from, int to)
        {
            if (!ranges.Contains((from, to)))
            {
                ranges.Add((from, to));
            }
        }

        for (var month = 1; month <= lastMonth; month++)
        {
            Add(month, month);
        }

        for (var quarter = 0; quarter * 3 < lastMonth; quarter++)
        {
            Add((quarter * 3) + 1, Math.Min((quarter * 3) + 3, lastMonth));
        }

        Add(1, lastMonth);
        return ranges;
    }

    /// <summary>The dates a period of <paramref name="year"/> covers, its end cut at <paramref name="today"/>.</summary>
    public static (DateOnly From, DateOnly To) Dates(int year, (int FromMonth, int ToMonth) range, DateOnly today)
    {
        var end = new DateOnly(year, range.ToMonth, 1).AddMonths(1).AddDays(-1);
        return (new DateOnly(year, range.FromMonth, 1), end < today ? end : today);
    }
}
