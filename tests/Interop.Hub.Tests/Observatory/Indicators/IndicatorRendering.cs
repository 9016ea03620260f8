using System.Globalization;
using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>Writes a period's indicators as short lines a test compares with its hand computation: a suppressed cell is *, an undefined value -.</summary>
internal static class IndicatorRendering
{
    public static string Stock(PeriodIndicators p) =>
        $"active {Cell(p.ActiveApplications)} | {ByTypology(p.ActiveByNeededTypology)} | seniority {string.Join(" ", p.SeniorityDistribution.Select(b => $"{b.FromMonths}-{(b.ToMonths == 0 ? "" : b.ToMonths.ToString(CultureInfo.InvariantCulture))}:{Cell(b.Count)}"))}"
        + $" mean {Value(p.SeniorityMeanMonths)} median {Value(p.SeniorityMedianMonths)} | transfers {Cell(p.TransferApplications)} share {Value(p.TransferShare)}";

    public static string Flows(PeriodIndicators p) =>
        $"new {Cell(p.NewApplications)} renewals {Cell(p.Renewals)} refusals {Cell(p.OfferRefusals)} | radiations {Cell(p.Radiations)} {string.Join(" ", p.RadiationsByReason.Select(r => $"{Short(r.Reason)}:{Cell(r.Count)}"))}";

    public static string AttributionFigures(PeriodIndicators p) =>
        $"attributions {Cell(p.Attributions)} | {ByTypology(p.AttributionsByNeededTypology)} | {string.Join(" ", p.AttributionsByReservationHolder.Select(h => $"{Short(h.ReservationHolder)}:{Cell(h.Count)}"))}"
        + $" | priority {Cell(p.PriorityAttributions)} share {Value(p.PriorityAttributionShare)} | delay median {Value(p.AttributionDelayMedianMonths)}";

    public static string Pressure(PeriodIndicators p) =>
        $"pressure {Value(p.Pressure)} | {string.Join(" ", p.PressureByNeededTypology.Select(t => $"{Short(t.Typology)}:{Value(t.Pressure)}/{Value(t.Imbalance)}"))}";

    public static string Cell(StockCount count) => count.Suppressed ? "*" : count.Count.ToString(CultureInfo.InvariantCulture);

    public static string Value(IndicatorValue value) =>
        value.Suppressed ? "*" : value.Undefined ? "-" : value.Value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string ByTypology(IEnumerable<TypologyCount> counts) => string.Join(" ", counts.Select(t => $"{Short(t.Typology)}:{Cell(t.Count)}"));

    private static string Short(NeededTypology typology) => typology switch
    {
        NeededTypology.T1OrT2 => "T1/2",
        NeededTypology.T6Plus => "T6+",
        _ => typology.ToString(),
    };

    private static string Short(RadiationReason reason) => reason switch
    {
        RadiationReason.Attribution => "RADATT",
        RadiationReason.Renunciation => "RADABA",
        RadiationReason.NoAnswer => "RADCON",
        RadiationReason.Inadmissibility => "RADIRR",
        RadiationReason.NotRenewed => "RADREN",
        _ => reason.ToString(),
    };

    private static string Short(ReservationHolder holder) => holder switch
    {
        ReservationHolder.Unspecified => "none",
        ReservationHolder.LocalAuthority => "COLTER",
        ReservationHolder.Employers => "COLACT",
        ReservationHolder.PrefectPriority => "PPRIOR",
        ReservationHolder.PrefectCivilServants => "PFONCT",
        ReservationHolder.Other => "AUTRES",
        ReservationHolder.None => "AUCUN",
        _ => holder.ToString(),
    };
}
