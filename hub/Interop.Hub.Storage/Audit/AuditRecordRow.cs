namespace Interop.Hub.Storage.Audit;

/// <summary>A row of <c>audit_records</c>.</summary>
public sealed class AuditRecordRow
{
    public long AuditId { get; init; }
    public DateTime AccessTime { get; init; }
    public string OrganizationId { get; init; } = "";
    public string? KeyId { get; init; }
    public string ApplicationNumber { get; init; } = "";
    public string Method { get; init; } = "";
    public string Action { get; init; } = "";
    public string Peer { get; init; } = "";
}
