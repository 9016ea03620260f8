using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
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
    AuditTrail audit,
    Storage.Feed.FeedStore feed,
    Matching.DuplicateFinder duplicates,
    Storage.Matching.IdentityIndex identityIndex,
    Storage.Matching.ReviewStore reviews,
    IdempotentWriter writer,
    ApplicationWriter applicationWriter,
    Observatory.PastApplications pastApplications,
    TimeProvider time,
    Diagnostics.HubMetrics metrics,
    ILogger<RegistryService> logger) : V1.RegistryService.RegistryServiceBase
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
                if (changed.Status == Core.Applications.ApplicationStatus.Active && changed.Household != current.Household)
                {
                    await RecheckIdentityAsync(transaction, changed, now, token);
                }

                return ApplicationMapper.ToProto(changed);
            },
            context.CancellationToken);
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
        metrics.RecordDuplicateCheck("update", DuplicateOutcome(matches));
        foreach (var match in matches)
        {
            await reviews.OpenAsync(
                transaction, changed.Number, match.Candidate.Number, changed.Departement, match.Result.Total,
                Matching.MatchMapper.FieldsJson(match.Result), match.Result.Explanation, now, token);
        }
    }

    /// <summary>The strongest outcome among the candidates, as the duplicate-check metric reports it.</summary>
    private static string DuplicateOutcome(IReadOnlyList<Matching.DuplicateMatch> matches) =>
        matches.Any(m => m.Result.Outcome == Core.Matching.MatchOutcome.Certain) ? "certain"
        : matches.Any(m => m.Result.Outcome == Core.Matching.MatchOutcome.Probable) ? "probable"
        : "none";

    private static object StatusDetails(ApplicationRecord record) => new
    {
        status = record.Status.ToString().ToLowerInvariant(),
        radiation_reason = record.Radiation is null ? null : SneCodes.Of(record.Radiation.Reason),
        expiry_date = record.ExpiryDate,
    };
}
