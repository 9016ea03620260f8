using System.Threading.RateLimiting;

namespace Interop.Hub.Access;

/// <summary>
/// One organisation's token bucket on this replica. Its capacity and refill rate are the
/// organisation's budget divided by the live replicas, read at each call, so a change of the
/// replica count changes this bucket's share in place.
/// </summary>
/// <remarks>
/// The tokens carry over a change of the count, capped by the new capacity. A caller at its
/// limit when a replica joins or leaves stays at its limit: a new bucket for each count (the
/// replica count in the partition key, as before) gave it a fresh burst each time the count
/// changed. The bucket refills from the elapsed time when a call arrives, so no timer runs per
/// organisation. A call needs one whole token, so the capacity is never below one, even when
/// the burst is smaller than the replica count.
/// </remarks>
internal sealed class ReplicaShareBucket : RateLimiter
{
    private readonly double perSecond;
    private readonly double burst;
    private readonly Func<int> liveReplicas;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private double tokens;
    private long refilledAt;
    private long? fullSince;
    private long succeeded;
    private long refused;

    /// <param name="perSecond">The organisation's calls per second across all replicas.</param>
    /// <param name="burst">The organisation's burst across all replicas.</param>
    /// <param name="liveReplicas">The replicas alive now, this one included (at least 1).</param>
    /// <param name="clock">The clock of the refill.</param>
    public ReplicaShareBucket(int perSecond, int burst, Func<int> liveReplicas, TimeProvider clock)
    {
        this.perSecond = perSecond;
        this.burst = burst;
        this.liveReplicas = liveReplicas;
        this.clock = clock;
        refilledAt = clock.GetTimestamp();
        fullSince = refilledAt;
        tokens = Capacity(Replicas());
    }

    /// <summary>Null while the bucket is not full; a full bucket is the same as a new one, so the partitioned limiter may drop it.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                Refill();
                return fullSince is { } since ? clock.GetElapsedTime(since) : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = (long)tokens,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = succeeded,
                TotalFailedLeases = refused,
            };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        lock (gate)
        {
            Refill();

            // Zero permits asks whether a call would pass now, without taking anything.
            if (tokens < Math.Max(1, permitCount))
            {
                refused++;
                return BucketLease.Refused;
            }

            tokens -= permitCount;
            if (permitCount > 0)
            {
                fullSince = null;
            }

            succeeded++;
            return BucketLease.Granted;
        }
    }

    // No queue: a call over the limit is refused at once (RESOURCE_EXHAUSTED), never held.
    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private int Replicas() => Math.Max(1, liveReplicas());

    // Rounded neither up nor per replica: N replicas together refill the budget and hold at most the burst.
    private double Capacity(int replicas) => Math.Max(1, burst / replicas);

    private void Refill()
    {
        var now = clock.GetTimestamp();
        var replicas = Replicas();
        var capacity = Capacity(replicas);
        var rate = perSecond / replicas;
        var elapsed = clock.GetElapsedTime(refilledAt, now).TotalSeconds;
        refilledAt = now;
        if (tokens >= capacity)
        {
            // Full already, or over a capacity that has just shrunk: the share left is the new capacity.
            tokens = capacity;
            fullSince ??= now;
            return;
        }

        tokens = Math.Min(capacity, tokens + (elapsed * rate));
        if (tokens >= capacity)
        {
            fullSince = now;
        }
    }
}
