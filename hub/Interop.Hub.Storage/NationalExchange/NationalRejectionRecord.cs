namespace Interop.Hub.Storage.NationalExchange;

/// <summary>A row of <c>national_rejections</c>: a line of an export the national registry refused.</summary>
public sealed record NationalRejectionRecord
{
    public required Guid RejectionId { get; init; }

    public required string ApplicationNumber { get; init; }

    /// <summary>CRE, MOD, REN, RAD or SUP.</summary>
    public required string NationalType { get; init; }

    public required string ControlCode { get; init; }

    public required string Message { get; init; }

    public required long RejectedRevision { get; init; }

    public required string ExportFile { get; init; }

    public required long LineNumber { get; init; }

    public required string ReturnFile { get; init; }

    public required DateTime RecordedAt { get; init; }

    public long? ResolvedRevision { get; init; }

    public DateTime? ResolvedAt { get; init; }
}
