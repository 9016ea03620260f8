using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;
using Interop.Hub.Idempotency;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Matching;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Matching;

/// <summary>
/// Deduplication (interop.v1.MatchingService): checking an identity, and the
/// review queue where operators decide probable duplicates, merge and unmerge.
/// Split into partial files by group of methods.
/// </summary>
internal sealed partial class MatchingService(
    RegistryDatabase database, DuplicateFinder duplicates, ReviewStore reviews, ApplicationStore applications,
    ApplicationWriter applicationWriter, AuditTrail audit, IdempotentWriter writer, TimeProvider time) : V1.MatchingService.MatchingServiceBase
{
    public override async Task<V1.FindMatchesResponse> FindMatches(V1.FindMatchesRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        if (!AccessPolicy.IsRegistering(caller.Organization) && !AccessPolicy.CanAdminister(caller.Organization))
        {
            throw Denials.NotAllowed(caller, "look for duplicates: only registering organisations and the administrator do");
        }

        var violations = new Violations();
        var person = HouseholdMapper.PersonOf(request.Person ?? new V1.Person(), "person", violations);
        HouseholdValidator.ValidateSearched(person, "person", violations);
        var coApplicant = request.CoApplicant is null ? null : HouseholdMapper.PersonOf(request.CoApplicant, "co_applicant", violations);
        if (coApplicant is not null)
        {
            HouseholdValidator.ValidateSearched(coApplicant, "co_applicant", violations);
        }

        string? departement = null;
        if (request.Departement.Length > 0)
        {
            departement = request.Departement.Trim().ToUpperInvariant();
            RequestRules.Departement(departement, "departement", violations);
        }

        violations.ThrowIfAny();

        // The check reads in a transaction, as a registration's does; the audit
        // of the candidates shown commits with it, before they leave the hub.
        await using var connection = await database.OpenAsync(context.CancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(context.CancellationToken);
        var matches = await duplicates.FindAsync(
            transaction, HouseholdIdentity.Of("", person, coApplicant), departement, null, context.CancellationToken);
        var readable = matches.Where(m => AccessPolicy.CanRead(caller.Organization, m.Candidate)).Select(m => m.Candidate.Number).ToHashSet();
        await audit.AppendAsync(
            transaction,
            readable.Select(n => new AuditEntry(caller.OrganizationId, caller.KeyId, n, context.Method, AuditTrail.Read, context.PeerAddress())).ToList(),
            time.GetUtcNow(),
            context.CancellationToken);
        await transaction.CommitAsync(context.CancellationToken);
        return new V1.FindMatchesResponse { Candidates = { matches.Select(m => MatchMapper.ToProto(m, readable.Contains(m.Candidate.Number))) } };
    }

    public override async Task<V1.ListReviewItemsResponse> ListReviewItems(V1.ListReviewItemsRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        var state = request.State == V1.ReviewItemState.Unspecified ? V1.ReviewItemState.Open : request.State;
        if (!System.Enum.IsDefined(state))
        {
            violations.Add("state", "is not a review item state.");
        }

        string? departement = null;
        if (request.Departement.Length > 0)
        {
            departement = request.Departement.Trim().ToUpperInvariant();
            RequestRules.Departement(departement, "departement", violations);
        }

        long? after = null;
        if (request.PageToken.Length > 0)
        {
            after = long.TryParse(PageTokens.Read(request.PageToken, "reviewItems"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
            if (after is null)
            {
                violations.Add("page_token", "is not a token of this listing.");
            }
        }

        var pageSize = RequestRules.PageSize(request.PageSize, 50, 500, violations);
        violations.ThrowIfAny();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var rows = await reviews.ListAsync(
            connection, StoredState(state), departement is null ? null : [departement], after, pageSize + 1, context.CancellationToken);
        var involved = await applications.GetManyAsync(
            connection, rows.SelectMany(r => new[] { r.ApplicationNumber, r.CandidateNumber }).Distinct().ToList(), context.CancellationToken);

        // An operator sees the items of applications it may change; the administrator sees them all.
        var visible = rows.Take(pageSize)
            .Where(r => MayDecide(caller, involved.GetValueOrDefault(r.ApplicationNumber), involved.GetValueOrDefault(r.CandidateNumber)))
            .ToList();
        await audit.AppendAsync(
            connection,
            visible.SelectMany(r => new[] { r.ApplicationNumber, r.CandidateNumber })
                .Select(n => new AuditEntry(caller.OrganizationId, caller.KeyId, n, context.Method, AuditTrail.Read, context.PeerAddress())).ToList(),
            time.GetUtcNow(),
            context.CancellationToken);
        var response = new V1.ListReviewItemsResponse { ReviewItems = { visible.Select(r => ToProto(r, showValues: true)) } };
        if (rows.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Write(rows[pageSize - 1].ReviewItemId.ToString(CultureInfo.InvariantCulture), "reviewItems");
        }

        return response;
    }

    private static bool MayDecide(Principal caller, Core.Applications.ApplicationRecord? application, Core.Applications.ApplicationRecord? candidate) =>
        application is not null && candidate is not null
        && (AccessPolicy.CanAdminister(caller.Organization)
            || (AccessPolicy.CanChange(caller.Organization, application) && AccessPolicy.CanChange(caller.Organization, candidate)));

    private static string StoredState(V1.ReviewItemState state) => state switch
    {
        V1.ReviewItemState.SameHousehold => "same_household",
        V1.ReviewItemState.DifferentHouseholds => "different_households",
        V1.ReviewItemState.Unmerged => "unmerged",
        _ => "open",
    };

    private static V1.ReviewItemState StateOf(string stored) => stored switch
    {
        "same_household" => V1.ReviewItemState.SameHousehold,
        "different_households" => V1.ReviewItemState.DifferentHouseholds,
        "unmerged" => V1.ReviewItemState.Unmerged,
        _ => V1.ReviewItemState.Open,
    };

    private static V1.ReviewItem ToProto(ReviewItemRow row, bool showValues) => new()
    {
        Name = "reviewItems/" + row.ReviewItemId.ToString(CultureInfo.InvariantCulture),
        Application = ApplicationMapper.ResourceName(row.ApplicationNumber),
        Candidate = ApplicationMapper.ResourceName(row.CandidateNumber),
        Departement = row.Departement,
        Match = new V1.MatchCandidate
        {
            Application = ApplicationMapper.ResourceName(row.CandidateNumber),
            Outcome = V1.MatchOutcome.Probable,
            Score = Math.Round(row.Score, 2),
            Fields = { MatchMapper.FieldsFromJson(row.Fields, showValues) },
            Explanation = showValues ? row.Explanation : "",
        },
        State = StateOf(row.State),
        DecidedBy = row.DecidedBy is null ? "" : "organizations/" + row.DecidedBy,
        Survivor = row.Survivor is null ? "" : ApplicationMapper.ResourceName(row.Survivor),
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
        DecideTime = row.DecidedAt is { } decided ? Timestamp.FromDateTime(DateTime.SpecifyKind(decided, DateTimeKind.Utc)) : null,
    };
}
