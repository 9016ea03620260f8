using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;
using Interop.Hub.Core.Time;

namespace Interop.Hub.Core.Statistics;

/// <summary>
/// Computes <see cref="PeriodIndicators"/> from the histories of a territory's
/// applications. Pure: the reference computation that pre-aggregated tables
/// kept from the feed will be checked against. A change belongs to the French
/// calendar day it happened on; the stock is each application's state at the
/// end of the period's last day.
/// </summary>
public static class IndicatorCalculator
{
    // The change log's stable kind strings (Storage's ChangeKind, which the core cannot see).
    private const string Registered = "registered";
    private const string Imported = "imported";
    private const string Renewed = "renewed";
    private const string Radiated = "radiated";

    public static PeriodIndicators Compute(IEnumerable<HistoryEntry> entries, DateOnly from, DateOnly to)
    {
        var end = FrenchCalendar.StartOf(to.AddDays(1));
        var byApplication = entries.GroupBy(e => e.Number).ToList();
        var inPeriod = byApplication.SelectMany(g => g)
            .Where(e => FrenchCalendar.DateOf(e.OccurredAt) is var day && day >= from && day <= to)
            .ToList();
        var attributions = inPeriod
            .Where(e => e.Kind == Radiated && e.Facts?.Radiation?.Reason == RadiationReason.Attribution)
            .ToList();
        var stock = byApplication
            .Select(g => g.Where(e => e.OccurredAt < end).MaxBy(e => e.Revision))
            .Where(e => e?.Facts is { Status: ApplicationStatus.Active })
            .Select(e => e!.Facts!)
            .ToList();
        return new PeriodIndicators
        {
            From = from,
            To = to,
            NewApplications = inPeriod.Count(e => e.Kind is Registered or Imported),
            Renewals = inPeriod.Count(e => e.Kind == Renewed),
            RadiationsByReason = inPeriod
                .Where(e => e.Kind == Radiated && e.Facts?.Radiation is not null)
                .GroupBy(e => e.Facts!.Radiation!.Reason)
                .ToDictionary(g => g.Key, g => g.Count()),
            StockByTypology = CountByTypology(stock),
            AttributionsByTypology = CountByTypology(attributions.Select(e => e.Facts!)),
        };
    }

    private static Dictionary<NeededTypology, int> CountByTypology(IEnumerable<HistoryFacts> facts) =>
        facts.GroupBy(f => NeededTypologies.Of(f.HouseholdSize, f.CoApplicant, f.Children)).ToDictionary(g => g.Key, g => g.Count());
}
