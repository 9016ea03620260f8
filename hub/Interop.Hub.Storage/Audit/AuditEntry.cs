namespace Interop.Hub.Storage.Audit;

/// <summary>One access to an application's personal data.</summary>
public sealed record AuditEntry(string OrganizationId, string? KeyId, string ApplicationNumber, string Method, string Action, string Peer);
