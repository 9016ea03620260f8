using Interop.Hub.Access;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>
/// An organisation's bucket on one replica holds the budget's share for the live replica count,
/// and keeps its tokens when the count changes: a caller at its limit gets no fresh burst.
/// </summary>
public sealed class ReplicaShareBucketTests
{
    private readonly FakeTimeProvider clock = new();
    private int replicas = 1;

    [Fact]
    public void ACallerAtItsLimit_GetsNoFreshBurst_WhenAReplicaJoins()
    {
        using var bucket = Bucket(perSecond: 1, burst: 10);
        Assert.Equal(10, Drain(bucket));

        replicas = 2;
        Assert.Equal(0, Drain(bucket));

        // Refilled at the new share: half a call per second.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Drain(bucket));
    }

    [Fact]
    public void ACallerAtItsLimit_GetsNoFreshBurst_WhenAReplicaLeaves()
    {
        replicas = 2;
        using var bucket = Bucket(perSecond: 1, burst: 10);
        Assert.Equal(5, Drain(bucket));

        replicas = 1;
        Assert.Equal(0, Drain(bucket));

        // Refilled at the new share: the whole budget, one call per second, up to the whole burst.
        clock.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(3, Drain(bucket));
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(10, Drain(bucket));
    }

    [Fact]
    public void AFullBucket_ShrinksToTheNewShare_WhenAReplicaJoins()
    {
        using var bucket = Bucket(perSecond: 100, burst: 200);

        replicas = 4;
        Assert.Equal(50, Drain(bucket));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(25, Drain(bucket));
    }

    [Fact]
    public void ABurstSmallerThanTheReplicaCount_StillLetsOneCallThroughPerReplica()
    {
        replicas = 3;
        using var bucket = Bucket(perSecond: 1, burst: 2);
        Assert.Equal(1, Drain(bucket));

        // A third of a call per second: none two seconds later, one four seconds later.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, Drain(bucket));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Drain(bucket));
    }

    [Fact]
    public void ABucket_IsIdleOnlyWhileFull()
    {
        using var bucket = Bucket(perSecond: 1, burst: 2);
        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(TimeSpan.FromSeconds(5), bucket.IdleDuration);

        Assert.True(bucket.AttemptAcquire().IsAcquired);
        Assert.Null(bucket.IdleDuration);

        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.Zero, bucket.IdleDuration);
    }

    private ReplicaShareBucket Bucket(int perSecond, int burst) => new(perSecond, burst, () => replicas, clock);

    // Calls as fast as it can (the clock stands still) until refused: how many passed.
    private static int Drain(ReplicaShareBucket bucket)
    {
        var accepted = 0;
        while (bucket.AttemptAcquire().IsAcquired)
        {
            accepted++;
            Assert.True(accepted <= 1000, "the bucket never refused");
        }

        return accepted;
    }
}
