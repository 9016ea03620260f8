using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Storage.Audit;

namespace Interop.Hub.Applications;

/// <summary>
/// Whom a change is recorded for. An organisation's call is recorded under its
/// id and request id, and audited, because it accessed personal data; one of
/// the hub's jobs is recorded under the job's own actor name, with no request
/// id and no audit record, because no organisation accessed anything.
/// </summary>
internal sealed class ChangeAuthor
{
    // The caller's audit entry without its application, which the writer fills in.
    private readonly AuditEntry? audit;

    private ChangeAuthor(string actor, string? requestId, AuditEntry? audit)
    {
        Actor = actor;
        RequestId = requestId;
        this.audit = audit;
    }

    /// <summary>The change record's actor: an organisation id, or a job's <c>hub:…</c> name.</summary>
    public string Actor { get; }

    /// <summary>The caller's request id; null for a job.</summary>
    public string? RequestId { get; }

    public static ChangeAuthor Caller(ServerCallContext context, Principal principal, string requestId) =>
        new(
            principal.OrganizationId,
            requestId,
            new AuditEntry(principal.OrganizationId, principal.KeyId, "", context.Method, AuditTrail.Change, context.PeerAddress()));

    public static ChangeAuthor Job(string actor) => new(actor, null, null);

    /// <summary>The audit record of this author's change to <paramref name="number"/>; null for a job.</summary>
    public AuditEntry? AuditEntryFor(string number) => audit is null ? null : audit with { ApplicationNumber = number };
}
