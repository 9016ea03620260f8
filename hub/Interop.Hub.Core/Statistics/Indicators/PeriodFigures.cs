using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The indicators of one territory over one period (domain §6.4), as
/// published: counts with small cells suppressed, derived values withheld
/// where a count they come from is. Stock figures are at the period's end.
/// </summary>
public sealed record PeriodFigures
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    public required StockCell Active { get; init; }

    public required IReadOnlyDictionary<NeededTypology, StockCell> ActiveByTypology { get; init; }

    public required IReadOnlyDictionary<SeniorityBucket, StockCell> SeniorityDistribution { get; init; }

    public required StockCell NewApplications { get; init; }

    public required StockCell Renewals { get; init; }

    public required StockCell Radiations { get; init; }

    public required IReadOnlyDictionary<RadiationReason, StockCell> RadiationsByReason { get; init; }

    public required StockCell Attributions { get; init; }

    public required IReadOnlyDictionary<NeededTypology, StockCell> AttributionsByTypology { get; init; }

    public required IReadOnlyDictionary<ReservationHolder, StockCell> AttributionsByHolder { get; init; }

    public required StockCell PriorityAttributions { get; init; }

    public required DerivedValue PriorityAttributionShare { get; init; }

    public required DerivedValue Pressure { get; init; }

    public required IReadOnlyDictionary<NeededTypology, TypologyPressure> PressureByTypology { get; init; }

    public required DerivedValue SeniorityMeanMonths { get; init; }

    public required DerivedValue SeniorityMedianMonths { get; init; }

    public required DerivedValue AttributionDelayMedianMonths { get; init; }

    public required StockCell Transfers { get; init; }

    public required DerivedValue TransferShare { get; init; }

    public required StockCell OfferRefusals { get; init; }
}
