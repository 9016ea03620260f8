namespace Interop.Hub.Storage.Feed;

/// <summary>
/// What one sequencer run numbered: when each of its changes was written
/// (<c>occurred_at</c>, UTC), for the sequencer delay; and whether committed
/// changes still wait for a number (committed meanwhile, beyond the batch, or
/// left to another process' sequencer that holds the lock).
/// </summary>
public sealed record SequencedBatch(IReadOnlyList<DateTime> OccurredAt, bool Pending)
{
    public int Count => OccurredAt.Count;
}
