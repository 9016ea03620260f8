using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Errors;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Attributions;
using Interop.Hub.Storage.Audit;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Attributions;

/// <summary>
/// The attribution path (interop.v1.AttributionService). Thin: each call
/// validates and maps its request, lets <see cref="AttributionPath"/> decide,
/// and writes through <see cref="IdempotentWriter"/>: the proposal, and through
/// <see cref="ApplicationWriter"/> the application one revision up with its
/// change record and the audit record, in one transaction. Split by group of methods into partial files.
/// </summary>
internal sealed partial class AttributionService(
    RegistryDatabase database,
    ApplicationStore applications,
    ApplicationWriter applicationWriter,
    ProposalStore proposals,
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
                var application = await applicationWriter.LockVisibleAsync(transaction, principal, name.Number, token);
                var proposal = await proposals.GetForUpdateAsync(transaction, name.Number, name.Id, token)
                    ?? throw new NotFoundException("interop.v1.Proposal", name.ToString());

                // Ownership, then the application's state, then the revision: a
                // landlord beaten to the lease learns who holds it
                // (ATTRIBUTED_ELSEWHERE) rather than being told to read again.
                AttributionPath.RequireOwner(proposal, caller);
                var leaseHolder = await proposals.LeaseHolderAsync(transaction, name.Number, token);
                AttributionPath.RequireOpen(application, caller, leaseHolder);
                ApplicationWriter.RequireRevision(application, expectedRevision);

                var (moved, changedApplication) = step(proposal, application, leaseHolder, Core.Time.FrenchCalendar.DateOf(now));
                // The proposal records the application revision its step wrote.
                ProposalRecord Stored(long applicationRevision) => moved with { ApplicationRevision = applicationRevision, UpdatedAt = now };
                var written = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, principal, requestId), application, changedApplication, kind,
                    state => ProposalMapper.ChangeDetails(Stored(state.Revision)), now, token);
                var stored = Stored(written.Revision);
                await proposals.UpdateAsync(transaction, stored, token);
                return ProposalMapper.ToProto(stored);
            },
            context.CancellationToken);
    }
}
