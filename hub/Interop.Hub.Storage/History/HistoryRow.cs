namespace Interop.Hub.Storage.History;

/// <summary>One row of <c>application_history</c>.</summary>
internal sealed class HistoryRow
{
    public string ApplicationNumber { get; init; } = "";

    public long Revision { get; init; }

    public string Kind { get; init; } = "";

    public string Actor { get; init; } = "";

    public DateTime OccurredAt { get; init; }

    public string Departement { get; init; } = "";

    public string RegisteringDesk { get; init; } = "";

    public string? Facts { get; init; }

    public string? HouseholdPatch { get; init; }
}
