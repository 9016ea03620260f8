using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

/// <summary>
/// The registry of applications (interop.v1.RegistryService). Thin: each call
/// validates and maps its request, lets the core decide, and writes through
/// <see cref="IdempotentWriter"/>: new applications by <see cref="ApplicationRegistrar"/>,
/// changes by <see cref="ApplicationWriter"/>. Split by group of methods into partial files.
/// </summary>
internal sealed partial class RegistryService(
    RegistryDatabase database,
    ApplicationStore applications,
    AuditTrail audit,
    Storage.Feed.FeedStore feed,
    IdempotentWriter writer,
    IdempotentBatchWriter batchWriter,
    RecordTokens recordTokens,
    ApplicationRegistrar registrar,
    ApplicationWriter applicationWriter,
    Observatory.PastApplications pastApplications,
    Microsoft.Extensions.Options.IOptions<Configuration.InteropOptions> options,
    TimeProvider time) : V1.RegistryService.RegistryServiceBase
{
    /// <summary>
    /// Every change of an existing application: locked, checked for the
    /// caller's right and the expected revision, moved by the core to its new
    /// state and written one revision up with its change and audit records.
    /// </summary>
    private Task<V1.Application> ChangeAsync<TRequest>(
        ServerCallContext context, TRequest request, string requestId, string method, string number, long expectedRevision,
        string kind, Func<ApplicationRecord, DateOnly, ApplicationRecord> transition, Func<ApplicationRecord, object> details)
        where TRequest : Google.Protobuf.IMessage<TRequest>
    {
        var principal = context.Caller();
        return writer.RunAsync(
            principal.OrganizationId,
            requestId,
            method,
            request,
            async (transaction, now, token) =>
            {
                var current = await applicationWriter.LockForChangeAsync(
                    transaction, principal, number, expectedRevision, ChangeRight.ApplicantChanges, token);
                var changed = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, principal, requestId), current,
                    transition(current, Core.Time.FrenchCalendar.DateOf(now)), kind, details, now, token);
                await registrar.RecheckIdentityAsync(transaction, current, changed, now, token);
                return ApplicationMapper.ToProto(changed);
            },
            context.CancellationToken);
    }
}
