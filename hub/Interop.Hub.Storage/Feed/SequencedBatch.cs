namespace Interop.Hub.Storage.Feed;

/// <summary>What one sequencer batch numbered: when each of its changes was written (<c>occurred_at</c>, UTC), for the sequencer delay.</summary>
public sealed record SequencedBatch(IReadOnlyList<DateTime> OccurredAt)
{
    public static readonly SequencedBatch Empty = new([]);

    public int Count => OccurredAt.Count;
}
