using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Statistics;

/// <summary>
/// The flow indicators of one territory over a period (domain §6.4), and the
/// stock at its end: the raw counts, before any small-cell suppression.
/// </summary>
public sealed record PeriodIndicators
{
    public required DateOnly From { get; init; }

    public required DateOnly To { get; init; }

    /// <summary>Applications registered or imported during the period.</summary>
    public int NewApplications { get; init; }

    public int Renewals { get; init; }

    public IReadOnlyDictionary<RadiationReason, int> RadiationsByReason { get; init; } = new Dictionary<RadiationReason, int>();

    /// <summary>Radiations for attribution (a lease signed, RADATT) during the period.</summary>
    public int Attributions => RadiationsByReason.GetValueOrDefault(RadiationReason.Attribution);

    /// <summary>Applications active at the end of <see cref="To"/>, by needed typology.</summary>
    public IReadOnlyDictionary<NeededTypology, int> StockByTypology { get; init; } = new Dictionary<NeededTypology, int>();

    /// <summary>Attributions during the period, by the typology the household needed.</summary>
    public IReadOnlyDictionary<NeededTypology, int> AttributionsByTypology { get; init; } = new Dictionary<NeededTypology, int>();

    public int Stock => StockByTypology.Values.Sum();

    /// <summary>The pressure ratio: the stock at the end ÷ the attributions of the period; null without attributions.</summary>
    public double? Pressure => Ratio(Stock, Attributions);

    public double? PressureOf(NeededTypology typology) =>
        Ratio(StockByTypology.GetValueOrDefault(typology), AttributionsByTypology.GetValueOrDefault(typology));

    /// <summary>
    /// The imbalance indicator: a typology's pressure over the overall one
    /// (above 1, that size of dwelling is scarcer than the rest); null when either is.
    /// </summary>
    public double? ImbalanceOf(NeededTypology typology) => PressureOf(typology) / Pressure;

    private static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;
}
