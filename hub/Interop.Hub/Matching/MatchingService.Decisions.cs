using System.Globalization;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Matching;

internal sealed partial class MatchingService
{
    /// <summary>
    /// Undoing a merge is an operator's decision, like the merge itself: the
    /// administrator's, or a registering organisation's that may change the
    /// absorbed application.
    /// </summary>
    private static readonly ChangeRight Unmerging = new(
        (organization, absorbed) => AccessPolicy.CanAdminister(organization) || AccessPolicy.CanChange(organization, absorbed),
        "unmerge applications: only the administrator and registering organisations that may change them do");

    public override async Task<V1.ReviewItem> ResolveReviewItem(V1.ResolveReviewItemRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        const string prefix = "reviewItems/";
        long id = 0;
        if (!request.Name.StartsWith(prefix, StringComparison.Ordinal)
            || !long.TryParse(request.Name[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out id))
        {
            violations.Add("name", "must be reviewItems/{review_item_id}.");
        }

        if (request.Decision is not (V1.ReviewItemState.SameHousehold or V1.ReviewItemState.DifferentHouseholds))
        {
            violations.Add("decision", "is REVIEW_ITEM_STATE_SAME_HOUSEHOLD or REVIEW_ITEM_STATE_DIFFERENT_HOUSEHOLDS.");
        }

        violations.ThrowIfAny();
        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(ResolveReviewItem), request,
            async (transaction, now, token) =>
            {
                var item = await reviews.GetForUpdateAsync(transaction, id, token)
                    ?? throw new NotFoundException("interop.v1.ReviewItem", request.Name);

                // Both applications are locked in number order, so two decisions never deadlock.
                var pair = new[] { item.ApplicationNumber, item.CandidateNumber }.Order(StringComparer.Ordinal).ToList();
                var first = (await applicationWriter.LockAsync(transaction, pair[0], token))!;
                var second = (await applicationWriter.LockAsync(transaction, pair[1], token))!;
                if (!MayDecide(caller, first, second))
                {
                    throw Denials.NotAllowed(caller, $"decide {request.Name}");
                }

                if (item.State != "open")
                {
                    throw PreconditionException.IllegalTransition(request.Name, $"{request.Name} was already decided ({item.State}).");
                }

                var application = first.Number == item.ApplicationNumber ? first : second;
                var candidate = first.Number == item.ApplicationNumber ? second : first;
                var author = ChangeAuthor.Caller(context, caller, request.RequestId);
                if (request.Decision == V1.ReviewItemState.DifferentHouseholds)
                {
                    await reviews.DeclareDistinctAsync(transaction, item.ApplicationNumber, item.CandidateNumber, caller.OrganizationId, now, token);
                    await applicationWriter.WriteAsync(transaction, author, application, application, ChangeKind.DeclaredDistinct,
                        _ => new { other = candidate.Number, decided_by = caller.OrganizationId }, now, token);
                    var closed = await reviews.CloseAsync(transaction, id, "different_households", caller.OrganizationId, null, now, token);
                    return ToProto(closed, showValues: true);
                }

                var (survivor, absorbed) = MergeRules.Order(application, candidate);
                var merged = MergeRules.Absorb(absorbed, survivor);
                await applicationWriter.WriteAsync(transaction, author, absorbed, merged, ChangeKind.Merged,
                    _ => new { merged_into = survivor.Number, decided_by = caller.OrganizationId }, now, token);
                await reviews.RecordMergeAsync(transaction, absorbed.Number, survivor.Number, id, caller.OrganizationId, now, token);
                var decided = await reviews.CloseAsync(transaction, id, "same_household", caller.OrganizationId, survivor.Number, now, token);
                return ToProto(decided, showValues: true);
            },
            context.CancellationToken);
    }

    public override async Task<V1.UnmergeApplicationResponse> UnmergeApplication(V1.UnmergeApplicationRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        violations.ThrowIfAny();

        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(UnmergeApplication), request,
            async (transaction, now, token) =>
            {
                var absorbed = await applicationWriter.LockForChangeAsync(transaction, caller, number, request.ExpectedRevision, Unmerging, token);
                var survivorNumber = absorbed.MergedInto!;
                var restored = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, caller, request.RequestId), absorbed, MergeRules.Restore(absorbed), ChangeKind.Unmerged,
                    _ => new { was_merged_into = survivorNumber, decided_by = caller.OrganizationId }, now, token);
                var reviewItem = await reviews.RemoveMergeAsync(transaction, number, token);
                if (reviewItem is { } itemId)
                {
                    await reviews.CloseAsync(transaction, itemId, "unmerged", caller.OrganizationId, null, now, token);
                }

                var survivor = await applications.GetAsync(transaction, survivorNumber, token);
                return new V1.UnmergeApplicationResponse
                {
                    Restored = ApplicationMapper.ToProto(restored),
                    Survivor = survivor is null ? null : ApplicationMapper.ToProto(survivor),
                };
            },
            context.CancellationToken);
    }
}
