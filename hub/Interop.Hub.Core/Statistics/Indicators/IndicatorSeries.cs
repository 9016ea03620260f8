using System.Globalization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Builds one territory's series of <see cref="PeriodFigures"/> from its rows
/// of the indicator tables: the stock at each period's end as the running sum
/// of its movements, the flows of each period as the sum of its months. Each
/// period is one table whose published identities (a total and its parts:
/// typologies, seniority buckets, radiation reasons, reservation holders) are
/// protected by <see cref="SmallCellSuppression"/>.
/// </summary>
public static class IndicatorSeries
{
    private static readonly RadiationReason[] Reasons =
        [RadiationReason.Attribution, RadiationReason.Renunciation, RadiationReason.NoAnswer, RadiationReason.Inadmissibility, RadiationReason.NotRenewed];

    private static readonly ReservationHolder[] Holders = Enum.GetValues<ReservationHolder>();

    /// <param name="periods">Oldest first, as <see cref="IndicatorPeriods.Series"/> cuts them.</param>
    /// <param name="movements">The territory's stock movements up to the last period's end, in any order.</param>
    /// <param name="flows">The territory's flow counts over the periods, in any order.</param>
    public static IReadOnlyList<PeriodFigures> Build(
        IReadOnlyList<(DateOnly From, DateOnly To)> periods,
        IEnumerable<StockMovement> movements,
        IEnumerable<FlowCount> flows,
        int threshold = SmallCellSuppression.DefaultThreshold)
    {
        var pending = new Queue<StockMovement>(movements.OrderBy(m => m.Month));
        var stock = new Dictionary<(NeededTypology Typology, DateOnly FiledMonth, bool Transfer), long>();
        var flowsByMonth = flows.GroupBy(f => f.Month).ToDictionary(g => g.Key, g => g.ToList());
        var result = new List<PeriodFigures>(periods.Count);
        foreach (var (from, to) in periods)
        {
            var endMonth = IndicatorCounter.MonthOf(to);
            while (pending.TryPeek(out var movement) && movement.Month <= endMonth)
            {
                pending.Dequeue();
                var key = (movement.Typology, movement.FiledMonth, movement.Transfer);
                stock[key] = stock.GetValueOrDefault(key) + movement.Delta;
            }

            var startMonth = IndicatorCounter.MonthOf(from);
            var periodFlows = new Dictionary<(string Indicator, string Dimension), long>();
            for (var month = startMonth; month <= endMonth; month = month.AddMonths(1))
            {
                foreach (var flow in flowsByMonth.GetValueOrDefault(month) ?? [])
                {
                    periodFlows[(flow.Indicator, flow.Dimension)] = periodFlows.GetValueOrDefault((flow.Indicator, flow.Dimension)) + flow.Count;
                }
            }

            result.Add(Figures(from, to, stock, periodFlows, threshold));
        }

        return result;
    }

    private static PeriodFigures Figures(
        DateOnly from,
        DateOnly to,
        Dictionary<(NeededTypology Typology, DateOnly FiledMonth, bool Transfer), long> stock,
        Dictionary<(string Indicator, string Dimension), long> flows,
        int threshold)
    {
        var typologies = NeededTypologies.All;
        var buckets = SeniorityBucket.All;
        var endIndex = (to.Year * 12) + to.Month;

        // One pass over the stock (its keys are typology × month of filing × transfer: a few thousand at most).
        long total = 0, transferred = 0;
        var typologyCounts = new long[typologies.Count];
        var bucketCounts = new long[buckets.Count];
        var seniorities = new List<(int Months, long Count)>();
        foreach (var ((typology, filedMonth, transfer), count) in stock)
        {
            if (count == 0)
            {
                continue;
            }

            var months = endIndex - ((filedMonth.Year * 12) + filedMonth.Month);
            total += count;
            transferred += transfer ? count : 0;
            typologyCounts[(int)typology - 1] += count;
            for (var b = 0; b < buckets.Count; b++)
            {
                if (buckets[b].Holds(months))
                {
                    bucketCounts[b] += count;
                    break;
                }
            }

            seniorities.Add((months, count));
        }

        long Flow(string indicator, string dimension = "") => flows.GetValueOrDefault((indicator, dimension));
        long FlowTotal(string indicator) => flows.Where(p => p.Key.Indicator == indicator).Sum(p => p.Value);
        string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        // The cells of the period's table, in this order; each block's first index is kept for the relations below.
        var values = new List<long>();
        int Block(IEnumerable<long> cells)
        {
            var start = values.Count;
            values.AddRange(cells);
            return start;
        }

        var active = Block([total]);
        var activeByTypology = Block(typologyCounts);
        var byBucket = Block(bucketCounts);
        var newApplications = Block([Flow(FlowIndicator.New)]);
        var renewals = Block([Flow(FlowIndicator.Renewed)]);
        var radiations = Block([FlowTotal(FlowIndicator.Radiated)]);
        var byReason = Block(Reasons.Select(r => Flow(FlowIndicator.Radiated, r.ToString())));
        var attributions = Block([FlowTotal(FlowIndicator.Attributed)]);
        var attributedByTypology = Block(typologies.Select(t => Flow(FlowIndicator.Attributed, Number((int)t))));
        var byHolder = Block(Holders.Select(h => Flow(FlowIndicator.AttributedByHolder, h == ReservationHolder.Unspecified ? "" : AttributionSneCodes.Of(h))));
        var priority = Block([Flow(FlowIndicator.AttributedPriority)]);
        var transfers = Block([transferred]);
        var refusals = Block([Flow(FlowIndicator.OfferRefused)]);

        static IReadOnlyList<int> Range(int start, int count) => Enumerable.Range(start, count).ToList();
        var relations = new List<CellRelation>
        {
            new(active, Range(activeByTypology, typologies.Count)),
            new(active, Range(byBucket, buckets.Count)),
            new(radiations, Range(byReason, Reasons.Length)),
            new(attributions, [byReason + Array.IndexOf(Reasons, RadiationReason.Attribution)]),
            new(attributions, Range(attributedByTypology, typologies.Count)),
            new(attributions, Range(byHolder, Holders.Length)),
        };
        var suppressed = SmallCellSuppression.Suppress(values, relations, threshold);
        StockCell Cell(int index) => new(suppressed[index] ? null : values[index]);

        var activeCell = Cell(active);
        var attributionsCell = Cell(attributions);
        var pressure = DerivedValue.Ratio(activeCell, attributionsCell);
        var delays = flows.Where(p => p.Key.Indicator == FlowIndicator.AttributionDelay)
            .Select(p => (Months: int.Parse(p.Key.Dimension, CultureInfo.InvariantCulture), Count: p.Value))
            .ToList();
        return new PeriodFigures
        {
            From = from,
            To = to,
            Active = activeCell,
            ActiveByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Cell(activeByTypology + p.i)),
            SeniorityDistribution = buckets.Select((b, i) => (b, i)).ToDictionary(p => p.b, p => Cell(byBucket + p.i)),
            NewApplications = Cell(newApplications),
            Renewals = Cell(renewals),
            Radiations = Cell(radiations),
            RadiationsByReason = Reasons.Select((r, i) => (r, i)).ToDictionary(p => p.r, p => Cell(byReason + p.i)),
            Attributions = attributionsCell,
            AttributionsByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(p => p.t, p => Cell(attributedByTypology + p.i)),
            AttributionsByHolder = Holders.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => Cell(byHolder + p.i)),
            PriorityAttributions = Cell(priority),
            PriorityAttributionShare = DerivedValue.Ratio(Cell(priority), attributionsCell),
            Pressure = pressure,
            PressureByTypology = typologies.Select((t, i) => (t, i)).ToDictionary(
                p => p.t,
                p =>
                {
                    var typologyPressure = DerivedValue.Ratio(Cell(activeByTypology + p.i), Cell(attributedByTypology + p.i));
                    return new TypologyPressure(typologyPressure, DerivedValue.Ratio(typologyPressure, pressure));
                }),
            SeniorityMeanMonths = Describe(activeCell, seniorities, Mean),
            SeniorityMedianMonths = Describe(activeCell, seniorities, Median),
            AttributionDelayMedianMonths = Describe(attributionsCell, delays, Median),
            Transfers = Cell(transfers),
            TransferShare = DerivedValue.Ratio(Cell(transfers), activeCell),
            OfferRefusals = Cell(refusals),
        };
    }

    // A mean or median describes its population: withheld when its count is, undefined when it is empty.
    private static DerivedValue Describe(StockCell population, List<(int Months, long Count)> distribution, Func<List<(int Months, long Count)>, double> statistic) =>
        population.Suppressed ? DerivedValue.Withheld
        : distribution.Sum(d => d.Count) <= 0 ? DerivedValue.None
        : new DerivedValue(statistic(distribution), false);

    private static double Mean(List<(int Months, long Count)> distribution) =>
        (double)distribution.Sum(d => (long)d.Months * d.Count) / distribution.Sum(d => d.Count);

    /// <summary>The median of a weighted distribution: the middle value, or the mean of the two middle ones.</summary>
    internal static double Median(List<(int Months, long Count)> distribution)
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
