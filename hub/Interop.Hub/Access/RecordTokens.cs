using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Access;

/// <summary>
/// Makes a bulk call cost what its records would cost as calls: before the hub writes a batch of an
/// OnboardApplications stream, it takes one token per record from the caller's partition of the hub's
/// rate limiter (<see cref="RateLimiting"/>), the same bucket its unary calls draw from. An empty bucket is
/// waited for rather than refused: a landlord's initial load slows down to the organisation's rate
/// instead of failing halfway; the stream's deadline still bounds the wait (DEADLINE_EXCEEDED, records
/// answered before it stay done).
/// </summary>
internal sealed class RecordTokens(IOptions<RateLimiterOptions> limiter)
{
    // The longest sleep between two looks at the bucket: it refills every second.
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    /// <summary>Takes <paramref name="records"/> tokens for the call of <paramref name="context"/>, waiting while its bucket is empty.</summary>
    public async Task TakeAsync(HttpContext context, int records, CancellationToken cancellationToken)
    {
        if (limiter.Value.GlobalLimiter is not { } global)
        {
            return;
        }

        while (records > 0)
        {
            // As many as the bucket holds now (never more than its size, which AttemptAcquire refuses outright).
            var available = global.GetStatistics(context)?.CurrentAvailablePermits ?? records;
            var take = (int)Math.Clamp(available, 1, records);
            using var lease = global.AttemptAcquire(context, take);
            if (lease.IsAcquired)
            {
                records -= take;
                continue;
            }

            var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero && retryAfter < LongestWait
                ? retryAfter
                : LongestWait;
            // On the system clock, not the hub's TimeProvider, on purpose: the bucket refills on the system
            // clock (System.Threading.RateLimiting's own timer), so that is the clock to wait on; a hub
            // run on a test's fake clock would otherwise never wake.
            await Task.Delay(wait, TimeProvider.System, cancellationToken);
        }
    }
}
