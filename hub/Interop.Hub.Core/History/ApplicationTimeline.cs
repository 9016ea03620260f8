using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.History;

/// <summary>
/// Rebuilds an application's states from its history: each revision's facts,
/// and the household folded from the parts each revision set. Pure: the
/// entries come from storage, the answer goes to the caller.
/// </summary>
public static class ApplicationTimeline
{
    /// <summary>Every change of one application in revision order, with the state before and after it.</summary>
    public static IReadOnlyList<TimelineStep> Replay(IEnumerable<HistoryEntry> entries)
    {
        var ordered = entries.OrderBy(e => e.Revision).ToList();
        var steps = new List<TimelineStep>(ordered.Count);
        Household? household = null;
        ApplicationRecord? before = null;
        HistoryFacts? beforeFacts = null;
        DateTimeOffset? createdAt = ordered.Count > 0 ? ordered[0].OccurredAt : null;
        foreach (var entry in ordered)
        {
            household = entry.Patch?.ApplyTo(household) ?? household;
            var after = entry.Facts is { } facts ? StateOf(entry, facts, household, createdAt!.Value) : null;
            steps.Add(new TimelineStep(entry, before, beforeFacts, after));
            before = after;
            beforeFacts = after is null ? null : entry.Facts;
        }

        return steps;
    }

    /// <summary>
    /// The application as it stood at <paramref name="instant"/>: the state its
    /// last change at or before that instant left.
    /// </summary>
    public static PastState StateAt(IEnumerable<HistoryEntry> entries, DateTimeOffset instant)
    {
        var last = Replay(entries).LastOrDefault(step => step.Entry.OccurredAt <= instant);
        return last switch
        {
            null => new PastState(PastStateKind.NotYetRegistered, null, null),
            { After: null } => new PastState(PastStateKind.NotRecorded, null, null),
            _ => new PastState(PastStateKind.Known, last.After, last.Entry.Facts),
        };
    }

    private static ApplicationRecord StateOf(HistoryEntry entry, HistoryFacts facts, Household? household, DateTimeOffset createdAt) => new()
    {
        Number = entry.Number,
        Departement = entry.Departement,
        RegisteringDesk = entry.RegisteringDesk,
        Status = facts.Status,
        Revision = entry.Revision,
        FiledDate = facts.FiledDate,
        LastRenewedDate = facts.LastRenewedDate,
        ExpiryDate = facts.ExpiryDate,
        Radiation = facts.Radiation,
        MergedInto = facts.MergedInto,
        // An erased application's patches are gone, so the fold gives no household.
        Household = household,
        CreatedAt = createdAt,
        UpdatedAt = entry.OccurredAt,
    };
}
