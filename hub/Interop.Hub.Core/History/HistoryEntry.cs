namespace Interop.Hub.Core.History;

/// <summary>
/// One revision of an application in its history: who, when, what kind of
/// change, and what it left. <see cref="Facts"/> is null for a change recorded
/// before the history kept states (who and when are known, not the state);
/// <see cref="Patch"/> is null when the revision left the household as it was,
/// and on every revision once the application is erased.
/// </summary>
public sealed record HistoryEntry(
    string Number,
    long Revision,
    string Kind,
    string Actor,
    DateTimeOffset OccurredAt,
    string Departement,
    string RegisteringDesk,
    HistoryFacts? Facts,
    HouseholdPatch? Patch);
