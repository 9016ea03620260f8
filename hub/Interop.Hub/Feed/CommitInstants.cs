using System.Collections.Concurrent;

namespace Interop.Hub.Feed;

/// <summary>
/// When this process' writers committed their changes, kept for the feed's
/// metrics only: the delivery histogram from the commit itself
/// (<c>interop.feed.delivery.after_commit</c>). A change carries only the
/// instant its write began (<c>occurred_at</c>), and the write itself takes
/// from a few to a hundred milliseconds under load, so "from the write" and
/// "from the writer's answer" only bounded commit → delivery from both sides.
/// </summary>
/// <remarks>
/// Keyed by <c>occurred_at</c> in microseconds (what PostgreSQL keeps of it;
/// every change of one transaction carries the same). Two writes that began in
/// the same microsecond cannot be told apart: the instant is then dropped
/// rather than guessed (tests with a frozen clock do that for every write).
/// Bounded: the oldest instants go first, and a change sequenced or read so late
/// that its instant is gone, or written by another process, is simply not measured.
/// </remarks>
internal sealed class CommitInstants
{
    /// <summary>Commits remembered: at 200 writes/s, the last 40 seconds.</summary>
    public const int Capacity = 8192;

    private const long Ambiguous = -1;

    private readonly ConcurrentDictionary<long, long> committedTicks = new();
    private readonly ConcurrentQueue<long> order = new();

    // The dictionary's own Count takes every one of its locks, on every write; this counts what was added
    // and not yet evicted (an instant marked ambiguous stays counted: it is still in the queue).
    private int remembered;

    /// <summary>The write whose changes carry <paramref name="occurredAt"/> committed at <paramref name="committedAt"/>.</summary>
    public void Record(DateTimeOffset occurredAt, DateTimeOffset committedAt)
    {
        var key = Key(occurredAt.UtcDateTime);
        if (!committedTicks.TryAdd(key, committedAt.UtcTicks))
        {
            // Only an instant still remembered: one evicted meanwhile and added again here would never be dequeued.
            if (committedTicks.TryGetValue(key, out var first))
            {
                committedTicks.TryUpdate(key, Ambiguous, first);
            }

            return;
        }

        order.Enqueue(key);
        if (Interlocked.Increment(ref remembered) <= Capacity)
        {
            return;
        }

        while (Volatile.Read(ref remembered) > Capacity && order.TryDequeue(out var oldest))
        {
            if (committedTicks.TryRemove(oldest, out _))
            {
                Interlocked.Decrement(ref remembered);
            }
        }
    }

    /// <summary>When the change written at <paramref name="occurredAt"/> committed, if a writer of this process says so unambiguously.</summary>
    public DateTime? CommittedAt(DateTime occurredAt) =>
        committedTicks.TryGetValue(Key(occurredAt), out var ticks) && ticks != Ambiguous ? new DateTime(ticks, DateTimeKind.Utc) : null;

    private static long Key(DateTime utc) => utc.Ticks / TimeSpan.TicksPerMicrosecond;
}
