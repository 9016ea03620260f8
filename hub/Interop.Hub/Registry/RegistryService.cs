using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
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
    AuditTrail audit,
    Storage.Feed.FeedStore feed,
    Matching.DuplicateFinder duplicates,
    Storage.Matching.IdentityIndex identityIndex,
    Storage.Matching.ReviewStore reviews,
    IdempotentWriter writer,
    TimeProvider time,
    ILogger<RegistryService> logger) : V1.RegistryService.RegistryServiceBase
{
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
        var principal = context.Caller();
        var caller = principal.OrganizationId;
        return writer.RunAsync(
            caller,
            requestId,
            method,
            request,
            async (transaction, now, token) =>
            {
                var current = await LoadForChangeAsync(transaction, principal, number, expectedRevision, token);
                var changed = transition(current, Core.Time.FrenchCalendar.DateOf(now)) with
                {
                    Revision = current.Revision + 1,
                    UpdatedAt = now,
                };
                await applications.UpdateAsync(transaction, changed, token);
                if (changed.Status == Core.Applications.ApplicationStatus.Active && changed.Household != current.Household)
                {
                    await RecheckIdentityAsync(transaction, changed, now, token);
                }

                await changes.AppendAsync(transaction, changed, current, kind, caller, requestId, now, details(changed), token);
                await AuditChangeAsync(transaction, context, principal, number, now, token);
                return ApplicationMapper.ToProto(changed);
            },
            context.CancellationToken);
    }

    /// <summary>
    /// Locks and returns the application if the caller may change it. Access is
    /// checked before the revision, so a refused caller learns nothing, not
    /// even the current revision.
    /// </summary>
    private async Task<ApplicationRecord> LoadForChangeAsync(
        NpgsqlTransaction transaction, Principal principal, string number, long expectedRevision, CancellationToken cancellationToken)
    {
        var current = await applications.GetForUpdateAsync(transaction, number, cancellationToken);
        if (current is null || !AccessPolicy.CanRead(principal.Organization, current))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }

        if (!AccessPolicy.CanChange(principal.Organization, current))
        {
            throw Denials.NotAllowed(principal, "change applications: only registering organisations record an applicant's changes");
        }

        if (current.Revision != expectedRevision)
        {
            throw new RevisionMismatchException(ApplicationMapper.ResourceName(number), expectedRevision, current.Revision);
        }

        return current;
    }

    /// <summary>
    /// A changed identity is indexed again and checked against the stock:
    /// matches go to the review queue (pairs declared distinct excepted). An
    /// update is never refused for it: the desk records what the applicant says.
    /// </summary>
    private async Task RecheckIdentityAsync(NpgsqlTransaction transaction, ApplicationRecord changed, DateTimeOffset now, CancellationToken token)
    {
        await duplicates.IndexAsync(transaction, changed, countNames: false, token);
        var person = Matching.HouseholdIdentity.Of(changed);
        var matches = await duplicates.FindAsync(transaction.Connection!, person, changed.Departement, changed.Number, token, transaction);
        foreach (var match in matches)
        {
            await reviews.OpenAsync(
                transaction, changed.Number, match.Candidate.Number, changed.Departement, match.Result.Total,
                Matching.MatchMapper.FieldsJson(match.Result), match.Result.Explanation, now, token);
        }
    }

    private Task AuditChangeAsync(
        NpgsqlTransaction transaction, ServerCallContext context, Principal principal, string number, DateTimeOffset now, CancellationToken cancellationToken) =>
        audit.AppendAsync(
            transaction.Connection!,
            [new AuditEntry(principal.OrganizationId, principal.KeyId, number, context.Method, AuditTrail.Change, context.PeerAddress())],
            now,
            cancellationToken,
            transaction);

    private static object StatusDetails(ApplicationRecord record) => new
    {
        status = record.Status.ToString().ToLowerInvariant(),
        radiation_reason = record.Radiation is null ? null : SneCodes.Of(record.Radiation.Reason),
        expiry_date = record.ExpiryDate,
    };
}
