namespace Interop.Hub.Storage.Changes;

/// <summary>One row of the event log.</summary>
public sealed class ChangeRecord
{
    public Guid ChangeId { get; init; }

    public long Position { get; init; }

    public string ApplicationNumber { get; init; } = "";

    public long Revision { get; init; }

    public string Kind { get; init; } = "";

    public string Actor { get; init; } = "";

    public string? RequestId { get; init; }

    public DateTime OccurredAt { get; init; }

    /// <summary>JSON object describing the change (no personal data).</summary>
    public string Details { get; init; } = "{}";
}
