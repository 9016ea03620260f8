using Grpc.Core;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Numbering;
using Npgsql;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

/// <summary>
/// The registry of applications (interop.v1.RegistryService). Thin: each call
/// validates and maps its request, lets the core decide, and writes through
/// <see cref="IdempotentWriter"/>. Split by group of methods into partial files.
/// </summary>
internal sealed partial class RegistryService(
    RegistryDatabase database,
    ApplicationStore applications,
    NumberCounterStore counters,
    ChangeLog changes,
    IdempotentWriter writer,
    TimeProvider time,
    ILogger<RegistryService> logger) : V1.RegistryService.RegistryServiceBase
{
    private const string ApplicationType = "interop.v1.Application";

    /// <summary>
    /// The write path shared by every change of an existing application: lock
    /// the row, check it exists and is at the expected revision, let the core
    /// compute the new state, write it one revision up with its change record.
    /// </summary>
    private Task<V1.Application> ChangeAsync<TRequest>(
        ServerCallContext context, TRequest request, string requestId, string method, string number, long expectedRevision,
        string kind, Func<ApplicationRecord, DateOnly, ApplicationRecord> transition, Func<ApplicationRecord, object> details)
        where TRequest : Google.Protobuf.IMessage<TRequest>
    {
        var caller = Caller.Of(context);
        return writer.RunAsync(
            caller,
            requestId,
            method,
            request,
            async (transaction, now, token) =>
            {
                var current = await LoadForChangeAsync(transaction, number, expectedRevision, token);
                var changed = transition(current, Core.Time.FrenchCalendar.DateOf(now)) with
                {
                    Revision = current.Revision + 1,
                    UpdatedAt = now,
                };
                await applications.UpdateAsync(transaction, changed, token);
                await changes.AppendAsync(transaction, number, changed.Revision, kind, caller, requestId, now, details(changed), token);
                return ApplicationMapper.ToProto(changed);
            },
            context.CancellationToken);
    }

    private async Task<ApplicationRecord> LoadForChangeAsync(
        NpgsqlTransaction transaction, string number, long expectedRevision, CancellationToken cancellationToken)
    {
        var current = await applications.GetForUpdateAsync(transaction, number, cancellationToken)
            ?? throw new NotFoundException(ApplicationType, ApplicationMapper.ResourceName(number));
        if (current.Revision != expectedRevision)
        {
            throw new RevisionMismatchException(ApplicationMapper.ResourceName(number), expectedRevision, current.Revision);
        }

        return current;
    }

    private static object StatusDetails(ApplicationRecord record) => new
    {
        status = record.Status.ToString().ToLowerInvariant(),
        radiation_reason = record.Radiation is null ? null : SneCodes.Of(record.Radiation.Reason),
        expiry_date = record.ExpiryDate,
    };
}
