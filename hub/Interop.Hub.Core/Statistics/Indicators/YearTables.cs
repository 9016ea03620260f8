namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Every table of one territory over one calendar year: its months, its
/// quarters and the year, each ending today at the latest, whatever period a
/// caller asked for, so that suppression weighs a month against the quarter
/// and the year that contain it the same way in every call.
/// </summary>
public static class YearTables
{
    /// <returns>The tables of <see cref="YearPeriods.Of"/>, in its order.</returns>
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

        IndicatorTable Table((int FromMonth, int ToMonth) range)
        {
            var flows = new Dictionary<(string Indicator, string Dimension), long>();
            for (var month = range.FromMonth; month <= range.ToMonth; month++)
            {
                foreach (var flow in flowsByMonth.GetValueOrDefault(month) ?? [])
                {
                    flows[(flow.Indicator, flow.Dimension)] = flows.GetValueOrDefault((flow.Indicator, flow.Dimension)) + flow.Count;
                }
            }

            var (from, to) = YearPeriods.Dates(year, range, today);
            return IndicatorTable.Of(from, to, stockAtMonthEnd[range.ToMonth], flows);
        }

        return YearPeriods.Of(year, today).Select(Table).ToList();
    }
}
