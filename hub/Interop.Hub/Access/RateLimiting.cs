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
/// replica count is part of the partition key: when it changes, new buckets
/// with the new share replace the old ones (which idle out).
/// </remarks>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, InteropOptions options)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, (string Organization, int Replicas)>(context =>
        {
            if (context.Features.Get<Principal>() is not { } principal)
            {
                return RateLimitPartition.GetNoLimiter(("", 0));
            }

            var replicas = context.RequestServices.GetRequiredService<ReplicaHeartbeat>().LiveReplicas;
            return RateLimitPartition.GetTokenBucketLimiter((Organization: principal.OrganizationId, Replicas: replicas), key => new TokenBucketRateLimiterOptions
            {
                // Rounded down: the replicas together never allow more than the budget.
                TokenLimit = Share(options.RateLimitBurst, key.Replicas),
                TokensPerPeriod = Share(options.RateLimitPerSecond, key.Replicas),
                ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
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

    private static int Share(int budget, int replicas) => Math.Max(1, budget / Math.Max(1, replicas));
}
