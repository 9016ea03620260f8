using System.Threading.RateLimiting;
using Grpc.Core;
using Interop.Hub.Configuration;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Microsoft.AspNetCore.RateLimiting;

namespace Interop.Hub.Access;

/// <summary>
/// Rate limits per organisation (ASP.NET Core rate limiting, a token bucket
/// per organisation). Beyond its limit a caller gets RESOURCE_EXHAUSTED with
/// a QuotaFailure; unauthenticated calls (health, reflection) are not limited
/// here: authentication refuses them first where it matters.
/// </summary>
internal static class RateLimiting
{
    public static void Configure(RateLimiterOptions limiter, InteropOptions options)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            context.Features.Get<Principal>() is { } principal
                ? RateLimitPartition.GetTokenBucketLimiter(principal.OrganizationId, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = Math.Max(1, options.RateLimitBurst),
                    TokensPerPeriod = Math.Max(1, options.RateLimitPerSecond),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                })
                : RateLimitPartition.GetNoLimiter("unauthenticated"));
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
