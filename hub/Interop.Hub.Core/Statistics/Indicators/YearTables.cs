namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Every table of one territory over one calendar year: its months, its
/// quarters and the year, each ending today at the latest, whatever period a
/// caller asked for, so that suppression weighs a month against the quarter
/// and the year that contain it the same way in every call.
/// </summary>
public static class YearTables
{
    /// <returns>Months first, then quarters, then the year; nothing after <paramref name="today"/>.</returns>
    public static IReadOnlyList<IndicatorTable> Of(TerritoryCounts counts, int year, DateOnly today)
    {
        var first = new DateOnly(year, 1, 1);
        if (first > today)
        {
            return [];
        }

        var lastMonth = year == today.Year ? today.Month : 12;
        var stock = new Dictionary<(NeededTypology Typology, DateOnly FiledMonth, bool Transfer), long>();
        void Count(StockMovement movement)
        {
            var key = (movement.Typology, movement.FiledMonth, movement.Transfer);
            stock[key] = stock.GetValueOrDefault(key) + movement.Delta;
        }

        // One pass, no sort (a call lays out every year of a whole family): the stock at the year's start is the
        // sum of every earlier movement, in any order; the year's own movements go by month.
        var inYear = new List<StockMovement>?[lastMonth + 1];
        foreach (var movement in counts.Movements)
        {
            if (movement.Month < first)
            {
                Count(movement);
            }
            else if (movement.Month.Year == year && movement.Month.Month <= lastMonth)
            {
                (inYear[movement.Month.Month] ??= []).Add(movement);
            }
        }

        var flowsByMonth = counts.Flows.Where(f => f.Month.Year == year).GroupBy(f => f.Month.Month).ToDictionary(g => g.Key, g => g.ToList());
        var stockAtMonthEnd = new Dictionary<(NeededTypology, DateOnly, bool), long>[lastMonth + 1];
        for (var month = 1; month <= lastMonth; month++)
        {
            foreach (var movement in inYear[month] ?? [])
            {
                Count(movement);
            }

            stockAtMonthEnd[month] = new(stock);
        }

        IndicatorTable Table(int fromMonth, int toMonth)
        {
            var from = new DateOnly(year, fromMonth, 1);
            var end = new DateOnly(year, toMonth, 1).AddMonths(1).AddDays(-1);
            var flows = new Dictionary<(string Indicator, string Dimension), long>();
            for (var month = fromMonth; month <= toMonth; month++)
            {
                foreach (var flow in flowsByMonth.GetValueOrDefault(month) ?? [])
                {
                    flows[(flow.Indicator, flow.Dimension)] = flows.GetValueOrDefault((flow.Indicator, flow.Dimension)) + flow.Count;
                }
            }

            return IndicatorTable.Of(from, end < today ? end : today, stockAtMonthEnd[toMonth], flows);
        }

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
        return ranges.Select(r => Table(r.From, r.To)).ToList();
    }
}
