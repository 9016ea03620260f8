using System.Threading.RateLimiting;

namespace Interop.Hub.Access;

/// <summary>A lease of <see cref="ReplicaShareBucket"/>: granted or refused, nothing to give back (tokens refill with time).</summary>
internal sealed class BucketLease : RateLimitLease
{
    private BucketLease(bool acquired) => IsAcquired = acquired;

    public static BucketLease Granted { get; } = new(acquired: true);

    public static BucketLease Refused { get; } = new(acquired: false);

    public override bool IsAcquired { get; }

    public override IEnumerable<string> MetadataNames => [];

    public override bool TryGetMetadata(string metadataName, out object? metadata)
    {
        metadata = null;
        return false;
    }
}
