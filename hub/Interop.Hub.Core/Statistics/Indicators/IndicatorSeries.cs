namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Builds one territory's series of <see cref="PeriodFigures"/> from the rows
/// of the indicator tables: the stock at each period's end as the running sum
/// of its movements, the flows of each period as the sum of its months, each
/// count published or withheld by <see cref="CrossCallSuppression"/>.
/// </summary>
public static class IndicatorSeries
{
    /// <summary>
    /// One territory on its own: each count weighed against the quarter and year that contain its period
    /// and against its own table, not against other territories (a reference computation; the service
    /// decides over the territory's family).
    /// </summary>
    /// <param name="periods">Oldest first, as <see cref="IndicatorPeriods.Series"/> cuts them, the last ending on the day taken as today.</param>
    /// <param name="movements">The territory's stock movements up to the last period's end, in any order.</param>
    /// <param name="flows">The territory's flow counts over the whole calendar years of the periods, in any order.</param>
    public static IReadOnlyList<PeriodFigures> Build(
        IReadOnlyList<(DateOnly From, DateOnly To)> periods,
        IEnumerable<StockMovement> movements,
        IEnumerable<FlowCount> flows,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        const string territory = "";
        var counts = new Dictionary<string, TerritoryCounts> { [territory] = new(movements.ToList(), flows.ToList()) };
        var today = periods.Count == 0 ? DateOnly.MinValue : periods.Max(p => p.To);
        return Build(periods, territory, [SuppressionFamily.Alone(territory)], counts, today, threshold);
    }

    /// <param name="periods">Oldest first, as <see cref="IndicatorPeriods.Series"/> cuts them with <paramref name="today"/>.</param>
    /// <param name="chain">The families deciding <paramref name="territory"/>'s cells, its own last (<see cref="SuppressionFamilies.Of"/>).</param>
    /// <param name="counts">The rows of every territory of the chain, over the whole calendar years of the periods.</param>
    public static IReadOnlyList<PeriodFigures> Build(
        IReadOnlyList<(DateOnly From, DateOnly To)> periods,
        string territory,
        IReadOnlyList<SuppressionFamily> chain,
        IReadOnlyDictionary<string, TerritoryCounts> counts,
        DateOnly today,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        var decisions = CrossCallSuppression.ForTerritory(territory, chain, counts, periods.Select(p => p.From.Year), today, threshold);
        return periods.Select(p => Publish(decisions.TryGetValue(p, out var decision) ? decision : Empty(p.From, p.To))).ToList();
    }

    /// <summary>The figures of one table once its cells are decided: counts withheld where suppressed, derived values where a count they come from is.</summary>
    public static PeriodFigures Publish(CrossCallSuppression.Decision decision)
    {
        var (table, suppressed) = (decision.Table, decision.Suppressed);
        var typologies = NeededTypologies.All;
        StockCell Cell(int index) => new(suppressed[index] ? null : table.Values[index]);
        var activeCell = Cell(IndicatorCells.Active);
        var attributionsCell = Cell(IndicatorCells.Attributions);
        var pressure = DerivedValue.Ratio(activeCell, attributionsCell);
        return new PeriodFigures
        {
            From = table.From,
            To = table.To,
            Active = activeCell,
            ActiveByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Cell(IndicatorCells.ActiveByTypology + p.i)),
            SeniorityDistribution = SeniorityBucket.All.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => Cell(IndicatorCells.ByBucket + p.i)),
            NewApplications = Cell(IndicatorCells.NewApplications),
            Renewals = Cell(IndicatorCells.Renewals),
            Radiations = Cell(IndicatorCells.Radiations),
            RadiationsByReason = IndicatorCells.Reasons.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => Cell(IndicatorCells.ByReason + p.i)),
            Attributions = attributionsCell,
            AttributionsByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Cell(IndicatorCells.AttributedByTypology + p.i)),
            AttributionsByHolder = IndicatorCells.Holders.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => Cell(IndicatorCells.ByHolder + p.i)),
            PriorityAttributions = Cell(IndicatorCells.Priority),
            PriorityAttributionShare = DerivedValue.Ratio(Cell(IndicatorCells.Priority), attributionsCell),
            Pressure = pressure,
            PressureByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(
                p => p.t,
                p =>
                {
                    var typologyPressure = DerivedValue.Ratio(Cell(IndicatorCells.ActiveByTypology + p.i), Cell(IndicatorCells.AttributedByTypology + p.i));
                    return new TypologyPressure(typologyPressure, DerivedValue.Ratio(typologyPressure, pressure));
                }),
            SeniorityMeanMonths = Describe(activeCell, table.Seniorities, Mean),
            SeniorityMedianMonths = Describe(activeCell, table.Seniorities, Median),
            AttributionDelayMedianMonths = Describe(attributionsCell, table.Delays, Median),
            Transfers = Cell(IndicatorCells.Transfers),
            TransferShare = DerivedValue.Ratio(Cell(IndicatorCells.Transfers), activeCell),
            OfferRefusals = Cell(IndicatorCells.Refusals),
        };
    }

    // A period no year table holds (a range the caller's own periods do not end on today): nothing counted.
    private static CrossCallSuppression.Decision Empty(DateOnly from, DateOnly to) =>
        new(IndicatorTable.Of(from, to, new Dictionary<(NeededTypology, DateOnly, bool), long>(), new Dictionary<(string, string), long>()), new bool[IndicatorCells.Width]);

    // A mean or median describes its population: withheld when its count is, undefined when it is empty.
    private static DerivedValue Describe(StockCell population, IReadOnlyList<(int Months, long Count)> distribution, Func<IReadOnlyList<(int Months, long Count)>, double> statistic) =>
        population.Suppressed ? DerivedValue.Withheld
        : distribution.Sum(d => d.Count) <= 0 ? DerivedValue.None
        : new DerivedValue(statistic(distribution), false);

    private static double Mean(IReadOnlyList<(int Months, long Count)> distribution) =>
        (double)distribution.Sum(d => (long)d.Months * d.Count) / distribution.Sum(d => d.Count);

    /// <summary>The median of a weighted distribution: the middle value, or the mean of the two middle ones.</summary>
    internal static double Median(IReadOnlyList<(int Months, long Count)> distribution)
    {
        var sorted = distribution.Where(d => d.Count > 0).OrderBy(d => d.Months).ToList();
        var total = sorted.Sum(d => d.Count);
        double At(long rank)
        {
            long seen = 0;
            foreach (var (months, count) in sorted)
            {
                seen += count;
                if (seen > rank)
                {
                    return months;
                }
            }

            return sorted[^1].Months;
        }

        return total % 2 == 1 ? At(total / 2) : (At((total / 2) - 1) + At(total / 2)) / 2;
    }
}
