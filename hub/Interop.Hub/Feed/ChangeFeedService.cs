using System.Text.RegularExpressions;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Admin;
using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;
using Interop.Hub.Diagnostics;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;
using Microsoft.Extensions.Options;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>
/// The change feed (interop.v1.ChangeFeedService). Each stream is a
/// <see cref="FeedStream"/> over the process' shared fan-out: it holds no
/// database connection while it waits, and a slow subscriber is held back by
/// HTTP/2 flow control, never buffered in the hub's memory.
/// </summary>
// Bound through SharedChangeBinder (each change encoded once for every stream); Descriptor is
// where JSON transcoding and reflection look for the service's description on the bind method's type.
[BindServiceMethod(typeof(ChangeFeedService), nameof(BindService))]
internal sealed partial class ChangeFeedService(
    RegistryDatabase database, FeedStore feed, SubscriptionStore subscriptions, CheckpointWriter checkpoints, FeedFanOut fanOut, FeedPages pages, DeliveryAudit audit,
    TimeProvider time, IOptions<InteropOptions> options, IHostApplicationLifetime lifetime, HubMetrics metrics,
    ILogger<ChangeFeedService> logger) : V1.ChangeFeedService.ChangeFeedServiceBase
{
    private const int MaxFilterKinds = 20;
    private const int MaxFilterDepartements = 110;
    private const int MaxFilterCommunes = 1000;
    private static readonly TimeSpan DefaultHeartbeat = TimeSpan.FromSeconds(15);

    public static Google.Protobuf.Reflection.ServiceDescriptor Descriptor => V1.ChangeFeedService.Descriptor;

    // The second parameter is the generated base: grpc-dotnet takes the handlers that override its methods.
    public static void BindService(ServiceBinderBase binder, V1.ChangeFeedService.ChangeFeedServiceBase? service) =>
        V1.ChangeFeedService.BindService(new SharedChangeBinder(binder), service);

    public override async Task Subscribe(V1.SubscribeRequest request, IServerStreamWriter<V1.SubscribeResponse> responseStream, ServerCallContext context)
    {
        var caller = context.Caller();
        var (filter, heartbeat) = Validate(request, caller);
        var (after, head) = await pages.InTurnAsync(() => StartPositionAsync(request, caller, context.CancellationToken), context.CancellationToken);

        // The stream ends when the client leaves, when the hub shuts down, or
        // after its lifetime so that load rebalances; clients resume from their checkpoint.
        using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, lifetime.ApplicationStopping);
        ending.CancelAfter(options.Value.FeedStreamLifetime);
        FeedLog.StreamStarted(logger, caller.OrganizationId, request.SubscriptionId, after);
        try
        {
            await new FeedStream(fanOut, pages, audit, caller, filter, heartbeat, responseStream, context, metrics, time).RunAsync(after, head, ending.Token);
        }
        catch (OperationCanceledException) when (!context.CancellationToken.IsCancellationRequested)
        {
            FeedLog.StreamEnded(logger, caller.OrganizationId, request.SubscriptionId);
        }
    }

    /// <summary>
    /// Where a stream starts (its request's position, else its subscription's checkpoint, created if new;
    /// refused outside the feed's bounds), and the feed's head then.
    /// </summary>
    private async Task<(long After, long Head)> StartPositionAsync(V1.SubscribeRequest request, Principal caller, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var subscription = await subscriptions.GetOrCreateAsync(connection, caller.OrganizationId, request.SubscriptionId, time.GetUtcNow(), cancellationToken);
        var after = request.StartAfterChangeSeq > 0 ? request.StartAfterChangeSeq : subscription.CheckpointSeq;
        var (head, prunedThrough) = await feed.BoundsAsync(connection, cancellationToken);
        if (after < prunedThrough)
        {
            throw new PreconditionException(
                ErrorReasons.CheckpointExpired,
                SubscriptionName(caller, request.SubscriptionId),
                $"The feed keeps changes after {prunedThrough} only; position {after} is older than the retention. Read every page of " +
                "ListApplications, then Subscribe with start_after_change_seq set to the listing's change_seq.");
        }

        if (after > head)
        {
            throw new ValidationException("start_after_change_seq", $"The feed's head is {head}; {after} is ahead of it.");
        }

        return (after, head);
    }

    public override async Task<V1.AcknowledgeResponse> Acknowledge(V1.AcknowledgeRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        SubscriptionId(request.SubscriptionId, violations);
        if (request.ChangeSeq < 0)
        {
            violations.Add("change_seq", "must not be negative.");
        }

        violations.ThrowIfAny();
        var stored = await checkpoints.AcknowledgeAsync(caller.OrganizationId, request.SubscriptionId, request.ChangeSeq, context.CancellationToken);
        if (stored is null)
        {
            await using var connection = await database.OpenAsync(context.CancellationToken);
            var (head, _) = await feed.BoundsAsync(connection, context.CancellationToken);
            throw new ValidationException("change_seq", $"The feed's head is {head}; {request.ChangeSeq} has not been delivered.");
        }

        return new V1.AcknowledgeResponse { Subscription = ToProto(stored) };
    }

    public override async Task<V1.Subscription> GetSubscription(V1.GetSubscriptionRequest request, ServerCallContext context)
    {
        var caller = context.Caller();
        var violations = new Violations();
        SubscriptionId(request.SubscriptionId, violations);
        violations.ThrowIfAny();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var stored = await subscriptions.GetAsync(connection, caller.OrganizationId, request.SubscriptionId, context.CancellationToken)
            ?? throw new NotFoundException("interop.v1.Subscription", SubscriptionName(caller, request.SubscriptionId));
        return ToProto(stored);
    }

    private static (FeedFilter Filter, TimeSpan Heartbeat) Validate(V1.SubscribeRequest request, Principal caller)
    {
        var violations = new Violations();
        SubscriptionId(request.SubscriptionId, violations);
        if (request.StartAfterChangeSeq < 0)
        {
            violations.Add("start_after_change_seq", "must not be negative.");
        }

        // A list over its limit is refused for its size, without a violation per element.
        var kindCount = RequestRules.ListSize(request.Kinds.Count, "kinds", MaxFilterKinds, violations) ? request.Kinds.Count : 0;
        var departementCount = RequestRules.ListSize(request.Departements.Count, "departements", MaxFilterDepartements, violations) ? request.Departements.Count : 0;
        var communeCount = RequestRules.ListSize(request.WishedCommuneCodes.Count, "wished_commune_codes", MaxFilterCommunes, violations) ? request.WishedCommuneCodes.Count : 0;

        var kinds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kindCount; i++)
        {
            if (ChangeMapper.StoredKind(request.Kinds[i]) is { } kind)
            {
                kinds.Add(kind);
            }
            else
            {
                violations.Add($"kinds[{i}]", $"{(int)request.Kinds[i]} is not a change kind.");
            }
        }

        var departements = request.Departements.Take(departementCount).Select(d => d.Trim().ToUpperInvariant()).ToList();
        for (var i = 0; i < departements.Count; i++)
        {
            RequestRules.Departement(departements[i], $"departements[{i}]", violations);
        }

        var communes = request.WishedCommuneCodes.Take(communeCount).Select(c => c.Trim().ToUpperInvariant()).ToList();
        for (var i = 0; i < communes.Count; i++)
        {
            if (!InseeCodes.IsCommuneCode(communes[i]))
            {
                violations.Add($"wished_commune_codes[{i}]", $"{Violations.Quote(communes[i])} is not an INSEE commune code.");
            }
        }

        var heartbeat = WellKnownTypes.ToTimeSpan(request.HeartbeatInterval, "heartbeat_interval", violations) ?? TimeSpan.Zero;
        if (heartbeat == TimeSpan.Zero)
        {
            heartbeat = DefaultHeartbeat;
        }
        else if (heartbeat < TimeSpan.FromSeconds(1) || heartbeat > TimeSpan.FromMinutes(5))
        {
            violations.Add("heartbeat_interval", "must lie between 1 second and 5 minutes, or be unset or zero for 15 seconds.");
        }

        violations.ThrowIfAny();
        var scope = AccessPolicy.NominativeReadScope(caller.Organization);
        if (scope.IsEmpty)
        {
            throw Denials.NotAllowed(caller, "receive the change feed of nominative applications");
        }

        return (new FeedFilter(scope, caller.OrganizationId, kinds, departements.ToHashSet(), communes.ToHashSet(), request.IncludeOwnChanges), heartbeat);
    }

    private static void SubscriptionId(string id, Violations violations)
    {
        if (!SubscriptionIdPattern().IsMatch(id))
        {
            violations.Add("subscription_id", "A subscription id is 1 to 63 characters from a-z, 0-9 and '-'.");
        }
    }

    private static string SubscriptionName(Principal caller, string id) =>
        $"{OrganizationMapper.ResourceName(caller.OrganizationId)}/subscriptions/{id}";

    private static V1.Subscription ToProto(SubscriptionRow row) => new()
    {
        Name = $"{OrganizationMapper.ResourceName(row.OrganizationId)}/subscriptions/{row.SubscriptionId}",
        CheckpointChangeSeq = row.CheckpointSeq,
        UpdateTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)),
    };

    [GeneratedRegex("^[a-z0-9-]{1,63}$")]
    private static partial Regex SubscriptionIdPattern();
}
