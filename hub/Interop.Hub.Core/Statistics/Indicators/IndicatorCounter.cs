using System.Globalization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Time;

namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Counts one change into the indicator tables: takes back what the previous
/// state of the application counted in the stock, adds what its new state
/// counts, and counts the change's own flow (a new application, a renewal, a
/// radiation, an attribution and its details, a refused offer). Pure; the
/// projection runs it over pages of the change log, and a rebuild over the
/// whole log, so both give the same tables.
/// </summary>
public static class IndicatorCounter
{
    // The change log's stable kind strings (Storage's ChangeKind, which the core cannot see).
    private const string Registered = "registered";
    private const string Imported = "imported";
    private const string Renewed = "renewed";
    private const string Radiated = "radiated";
    private const string OfferAnswered = "offer_answered";
    private const string OfferRefusedState = "OfferRefused";

    /// <summary>Counts <paramref name="change"/> into <paramref name="counts"/>.</summary>
    /// <param name="before">What was last counted of the application (from the tables or from earlier in the page), or null.</param>
    public static void Count(CountedApplication? before, IndicatorEvent change, EpciDirectory epcis, IndicatorCounts counts)
    {
        // The checkpoint advances with the tables, so a change comes once; this
        // guard keeps a replayed or out-of-order revision from counting twice anyway.
        if (before is not null && change.Revision <= before.Revision)
        {
            return;
        }

        var month = MonthOf(FrenchCalendar.DateOf(change.OccurredAt));
        counts.CountedThrough = counts.CountedThrough is { } through && through > change.OccurredAt ? through : change.OccurredAt;
        if (change.Facts is not { } facts)
        {
            // A revision without a recorded state (before migration 0007): nothing known to count.
            return;
        }

        var after = new CountedApplication(
            change.Number,
            change.Revision,
            facts.Status == ApplicationStatus.Active,
            TerritoryKeys.Of(change.Departement, facts.WishedCommunes, epcis),
            NeededTypologies.Of(facts.HouseholdSize, facts.CoApplicant, facts.Children),
            MonthOf(facts.FiledDate),
            facts.Transfer,
            facts.PriorityHousehold);
        if (before is { Active: true })
        {
            foreach (var territory in before.Territories)
            {
                counts.AddStock(new StockKey(territory, month, before.Typology, before.FiledMonth, before.Transfer), -1);
            }
        }

        if (after.Active)
        {
            foreach (var territory in after.Territories)
            {
                counts.AddStock(new StockKey(territory, month, after.Typology, after.FiledMonth, after.Transfer), +1);
            }
        }

        foreach (var (indicator, dimension) in FlowsOf(change, facts, after))
        {
            foreach (var territory in after.Territories)
            {
                counts.AddFlow(new FlowKey(territory, month, indicator, dimension));
            }
        }

        counts.Applications[change.Number] = after;
    }

    /// <summary>The first day of the month of <paramref name="day"/>.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Whole months from <paramref name="from"/> to <paramref name="to"/> (a day short of a month is 0).</summary>
    public static int WholeMonths(DateOnly from, DateOnly to)
    {
        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        return to.Day < from.Day ? months - 1 : months;
    }

    private static IEnumerable<(string Indicator, string Dimension)> FlowsOf(IndicatorEvent change, History.HistoryFacts facts, CountedApplication after)
    {
        switch (change.Kind)
        {
            case Registered or Imported:
                yield return (FlowIndicator.New, "");
                break;
            case Renewed:
                yield return (FlowIndicator.Renewed, "");
                break;
            case Radiated when facts.Radiation is { } radiation:
                yield return (FlowIndicator.Radiated, radiation.Reason.ToString());
                if (radiation.Reason == RadiationReason.Attribution)
                {
                    yield return (FlowIndicator.Attributed, ((int)after.Typology).ToString(CultureInfo.InvariantCulture));
                    yield return (FlowIndicator.AttributedByHolder, change.Attribution?.ReservationHolderCode ?? "");
                    if (after.PriorityHousehold || change.Attribution?.Dalo == true)
                    {
                        yield return (FlowIndicator.AttributedPriority, "");
                    }

                    var delay = Math.Max(0, WholeMonths(facts.FiledDate, radiation.Date));
                    yield return (FlowIndicator.AttributionDelay, delay.ToString(CultureInfo.InvariantCulture));
                }

                break;
            case OfferAnswered when change.Attribution?.ProposalState == OfferRefusedState:
                yield return (FlowIndicator.OfferRefused, "");
                break;
        }
    }
}
