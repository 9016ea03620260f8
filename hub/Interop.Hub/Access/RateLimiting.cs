using System.Threading.RateLimiting;
using Grpc.Core;
using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Replicas;
using Microsoft.AspNetCore.RateLimiting;

namespace Interop.Hub.Access;

/// <summary>
/// Rate limits per organisation (ASP.NET Core rate limiting, a token bucket
/// per organisation). Beyond its limit a caller gets RESOURCE_EXHAUSTED with
/// a QuotaFailure; unauthenticated calls (health, reflection) are not limited
/// here: authentication refuses them first where it matters.
/// </summary>
/// <remarks>
/// The configured budget is the organisation's across the whole hub: each of
/// N live replicas (<see cref="ReplicaHeartbeat"/>) enforces 1/N of it, so N
/// replicas behind a balancer that spreads calls (gRPC-aware, per call) allow
/// the budget, not N times it, with no database round trip per call. The
/// partition key is the organisation alone: when N changes, its bucket keeps
/// its tokens and takes the new share in place (<see cref="ReplicaShareBucket"/>),
/// so a caller at its limit gets no fresh burst from a replica joining or leaving.
/// </remarks>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, InteropOptions options)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            if (context.Features.Get<Principal>() is not { } principal)
            {
                return RateLimitPartition.GetNoLimiter("");
            }

            var heartbeat = context.RequestServices.GetRequiredService<ReplicaHeartbeat>();

            // Machine time, not the hub's TimeProvider: a budget is a pace of calls as they
            // arrive, which a test's fake clock (frozen, or moved by days) must neither stop
            // nor refill.
            return RateLimitPartition.Get(principal.OrganizationId, _ => new ReplicaShareBucket(
                options.RateLimitPerSecond, options.RateLimitBurst, () => heartbeat.LiveReplicas, TimeProvider.System));
        });
        limiter.OnRejected = (rejected, _) =>
        {
            var organization = rejected.HttpContext.Features.Get<Principal>()?.OrganizationId ?? "?";
            var message = $"Organisation {organization} is over its rate limit of {options.RateLimitPerSecond} calls per second; retry after a short pause.";
            return new ValueTask(GrpcStatusResponse.WriteAsync(
                rejected.HttpContext,
                StatusCode.ResourceExhausted,
                ErrorReasons.RateLimited,
                message,
                new Google.Rpc.QuotaFailure
                {
                    Violations = { new Google.Rpc.QuotaFailure.Types.Violation { Subject = $"organizations/{organization}", Description = message } },
                }));
        };
    }
}
