using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Observatory;

/// <summary>From the core's <see cref="PeriodFigures"/> to the contract's. Enum numbers are the same on both sides.</summary>
internal static class IndicatorMapper
{
    public static V1.PeriodIndicators ToProto(PeriodFigures p) => new()
    {
        StartDate = DateMapping.ToProto(p.From),
        EndDate = DateMapping.ToProto(p.To),
        ActiveApplications = Count(p.Active),
        ActiveByNeededTypology = { ByTypology(p.ActiveByTypology) },
        NewApplications = Count(p.NewApplications),
        Renewals = Count(p.Renewals),
        Radiations = Count(p.Radiations),
        RadiationsByReason =
        {
            p.RadiationsByReason.Select(r => new V1.RadiationReasonCount { Reason = (V1.RadiationReason)(int)r.Key, Count = Count(r.Value) }),
        },
        Attributions = Count(p.Attributions),
        AttributionsByNeededTypology = { ByTypology(p.AttributionsByTypology) },
        AttributionsByReservationHolder =
        {
            p.AttributionsByHolder.Select(h => new V1.ReservationHolderCount { ReservationHolder = (V1.ReservationHolder)(int)h.Key, Count = Count(h.Value) }),
        },
        PriorityAttributions = Count(p.PriorityAttributions),
        PriorityAttributionShare = Value(p.PriorityAttributionShare),
        Pressure = Value(p.Pressure),
        PressureByNeededTypology =
        {
            p.PressureByTypology.Select(t => new V1.TypologyPressure
            {
                Typology = (V1.NeededTypology)(int)t.Key,
                Pressure = Value(t.Value.Pressure),
                Imbalance = Value(t.Value.Imbalance),
            }),
        },
        SeniorityMeanMonths = Value(p.SeniorityMeanMonths),
        SeniorityMedianMonths = Value(p.SeniorityMedianMonths),
        SeniorityDistribution =
        {
            p.SeniorityDistribution.Select(b => new V1.SeniorityBucket
            {
                FromMonths = b.Key.FromMonths,
                ToMonths = b.Key.ToMonths ?? 0,
                Count = Count(b.Value),
            }),
        },
        AttributionDelayMedianMonths = Value(p.AttributionDelayMedianMonths),
        TransferApplications = Count(p.Transfers),
        TransferShare = Value(p.TransferShare),
        OfferRefusals = Count(p.OfferRefusals),
    };

    private static IEnumerable<V1.TypologyCount> ByTypology(IReadOnlyDictionary<NeededTypology, StockCell> cells) =>
        cells.OrderBy(c => c.Key).Select(c => new V1.TypologyCount { Typology = (V1.NeededTypology)(int)c.Key, Count = Count(c.Value) });

    private static V1.StockCount Count(StockCell cell) => new() { Count = cell.Count ?? 0, Suppressed = cell.Suppressed };

    private static V1.IndicatorValue Value(DerivedValue value) => new()
    {
        Value = value.Value ?? 0,
        Suppressed = value.Suppressed,
        Undefined = value.Undefined,
    };
}
