namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The values of every table of one territory over one calendar year (<see cref="YearPeriods.Of"/>), without the
/// distributions a mean or a median is taken from: all a family's decision reads of a territory. The same
/// sums as <see cref="YearTables"/> (test: <c>YearCellsTests</c>), from running totals kept in arrays instead
/// of a copy of the whole stock for every month, as a commune's call lays out every year of a hundred
/// territories.
/// </summary>
public static class YearCells
{
    /// <returns>
    /// <see cref="IndicatorCells.Width"/> values for each period of <see cref="YearPeriods.Of"/> in its order
    /// (period p's cell c at <c>p * Width + c</c>); empty when the year starts after <paramref name="today"/>.
    /// </returns>
    public static long[] Of(TerritoryCounts counts, int year, DateOnly today)
    {
        var ranges = YearPeriods.Of(year, today);
        if (ranges.Count == 0)
        {
            return [];
        }

        var width = IndicatorCells.Width;
        var lastMonth = ranges[^1].ToMonth;
        var first = new DateOnly(year, 1, 1);

        // The stock's running sums: the active total, transfers, by typology, and by month of filing (for the
        // seniority buckets, which move with each month's end).
        long active = 0;
        long transfers = 0;
        var byTypology = new long[NeededTypologies.All.Count];
        var filedIndexes = new Dictionary<int, int>();
        var filedMonths = new List<int>();
        var byFiled = new List<long>();
        var inYear = new List<StockMovement>?[lastMonth + 1];
        void Count(StockMovement movement)
        {
            active += movement.Delta;
            transfers += movement.Transfer ? movement.Delta : 0;
            byTypology[(int)movement.Typology - 1] += movement.Delta;
            var filed = (movement.FiledMonth.Year * 12) + movement.FiledMonth.Month;
            if (!filedIndexes.TryGetValue(filed, out var index))
            {
                filedIndexes[filed] = index = filedMonths.Count;
                filedMonths.Add(filed);
                byFiled.Add(0);
            }

            byFiled[index] += movement.Delta;
        }

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

        // Each month's stock cells at its end, and its own flow cells.
        var months = new long[(lastMonth + 1) * width];
        var buckets = SeniorityBucket.All;
        for (var month = 1; month <= lastMonth; month++)
        {
            foreach (var movement in inYear[month] ?? [])
            {
                Count(movement);
            }

            var offset = month * width;
            months[offset + IndicatorCells.Active] = active;
            months[offset + IndicatorCells.Transfers] = transfers;
            for (var t = 0; t < byTypology.Length; t++)
            {
                months[offset + IndicatorCells.ActiveByTypology + t] = byTypology[t];
            }

            var endIndex = (year * 12) + month;
            for (var f = 0; f < filedMonths.Count; f++)
            {
                var seniority = endIndex - filedMonths[f];
                for (var b = 0; b < buckets.Count; b++)
                {
                    if (buckets[b].Holds(seniority))
                    {
                        months[offset + IndicatorCells.ByBucket + b] += byFiled[f];
                        break;
                    }
                }
            }
        }

        foreach (var flow in counts.Flows)
        {
            if (flow.Month.Year == year && flow.Month.Month <= lastMonth)
            {
                FlowCells.Add(months, flow.Month.Month * width, flow.Indicator, flow.Dimension, flow.Count);
            }
        }

        var values = new long[ranges.Count * width];
        for (var p = 0; p < ranges.Count; p++)
        {
            var (from, to) = ranges[p];
            var offset = p * width;
            // A stock over a period is the stock at its end; a flow, the sum of its months.
            for (var cell = 0; cell < IndicatorCells.NewApplications; cell++)
            {
                values[offset + cell] = months[(to * width) + cell];
            }

            for (var month = from; month <= to; month++)
            {
                for (var cell = IndicatorCells.NewApplications; cell < width; cell++)
                {
                    values[offset + cell] += months[(month * width) + cell];
                }
            }
        }

        return values;
    }
}
