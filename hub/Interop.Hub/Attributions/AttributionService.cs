using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Errors;
using Interop.Hub.Idempotency;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Attributions;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Changes;
using Npgsql;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Attributions;

/// <summary>
/// The attribution path (interop.v1.AttributionService). Thin: each call
/// validates and maps its request, lets <see cref="AttributionPath"/> decide,
/// and writes through <see cref="IdempotentWriter"/>: the proposal, the
/// application one revision up, its change record and the audit record, in
/// one transaction. Split by group of methods into partial files.
/// </summary>
internal sealed partial class AttributionService(
    RegistryDatabase database,
    ApplicationStore applications,
    ProposalStore proposals,
    ChangeLog changes,
    AuditTrail audit,
    IdempotentWriter writer,
    TimeProvider time) : V1.AttributionService.AttributionServiceBase
{
    private delegate (ProposalRecord Proposal, ApplicationRecord Application) Step(
        ProposalRecord proposal, ApplicationRecord application, string? leaseHolder, DateOnly today);

    /// <summary>
    /// The write path shared by every step of an existing proposal. The
    /// application's row is locked first, as every writer of the application
    /// does, so two landlords reporting leases for one household queue there
    /// and the second sees the first one's radiation.
    /// </summary>
    private Task<V1.Proposal> StepAsync<TRequest>(
        ServerCallContext context, TRequest request, string requestId, string method, ProposalName name, long expectedRevision,
        string kind, Step step)
        where TRequest : Google.Protobuf.IMessage<TRequest>
    {
        var principal = context.Caller();
        var caller = principal.OrganizationId;
        return writer.RunAsync(
            caller,
            requestId,
            method,
            request,
            async (transaction, now, token) =>
            {
                var application = await LoadApplicationAsync(transaction, principal, name.Number, token);
                var proposal = await proposals.GetForUpdateAsync(transaction, name.Number, name.Id, token)
                    ?? throw new NotFoundException("interop.v1.Proposal", name.ToString());

                // Ownership, then the application's state, then the revision: a
                // landlord beaten to the lease learns who holds it
                // (ATTRIBUTED_ELSEWHERE) rather than being told to read again.
                AttributionPath.RequireOwner(proposal, caller);
                var leaseHolder = await proposals.LeaseHolderAsync(transaction, name.Number, token);
                AttributionPath.RequireOpen(application, caller, leaseHolder);
                RequireRevision(application, expectedRevision);

                var (moved, changedApplication) = step(proposal, application, leaseHolder, Core.Time.FrenchCalendar.DateOf(now));
                var written = await WriteAsync(transaction, context, principal, application, changedApplication, now, token);
                var stored = moved with { ApplicationRevision = written.Revision, UpdatedAt = now };
                await proposals.UpdateAsync(transaction, stored, token);
                await changes.AppendAsync(
                    transaction, written, application, kind, caller, requestId, now, ProposalMapper.ChangeDetails(stored), token);
                return ProposalMapper.ToProto(stored);
            },
            context.CancellationToken);
    }

    /// <summary>Locks the application and checks the caller may see it; a refusal says nothing of whether it exists.</summary>
    private async Task<ApplicationRecord> LoadApplicationAsync(
        NpgsqlTransaction transaction, Principal principal, string number, CancellationToken cancellationToken)
    {
        var application = await applications.GetForUpdateAsync(transaction, number, cancellationToken);
        if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        return application;
    }

    private static void RequireRevision(ApplicationRecord application, long expectedRevision)
    {
        if (application.Revision != expectedRevision)
        {
            throw new RevisionMismatchException(ApplicationMapper.ResourceName(application.Number), expectedRevision, application.Revision);
        }
    }

    /// <summary>Every step is a change of the application: one revision up, and an audit record of the landlord's access.</summary>
    private async Task<ApplicationRecord> WriteAsync(
        NpgsqlTransaction transaction, ServerCallContext context, Principal principal, ApplicationRecord current, ApplicationRecord changed,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var written = changed with { Revision = current.Revision + 1, UpdatedAt = now };
        await applications.UpdateAsync(transaction, written, cancellationToken);
        await audit.AppendAsync(
            transaction.Connection!,
            [new AuditEntry(principal.OrganizationId, principal.KeyId, current.Number, context.Method, AuditTrail.Change, context.PeerAddress())],
            now,
            cancellationToken,
            transaction);
        return written;
    }
}
