namespace Interop.Hub.Feed;

/// <summary>
/// The newest sequenced changes this process has read, as one immutable
/// snapshot: every stream reads the same objects, and a new page replaces the
/// snapshot instead of changing it, so readers need no lock.
/// </summary>
/// <param name="Ready">False until the fan-out has read the feed's head once; streams then read the database themselves.</param>
/// <param name="Start">The position just before the first entry: a stream at or after it is served from here.</param>
/// <param name="Entries">Contiguous changes after <paramref name="Start"/>, in change_seq order.</param>
internal sealed record FeedWindow(bool Ready, long Start, FeedEntry[] Entries)
{
    public static readonly FeedWindow NotReady = new(false, long.MaxValue, []);

    /// <summary>The last change read (Start when empty).</summary>
    public long Head => Entries.Length == 0 ? Start : Entries[^1].ChangeSeq;

    /// <summary>Whether a stream at <paramref name="position"/> is served from this window.</summary>
    public bool Covers(long position) => Ready && position >= Start;

    /// <summary>Up to <paramref name="limit"/> entries after <paramref name="position"/> (which <see cref="Covers"/>).</summary>
    public ArraySegment<FeedEntry> After(long position, int limit)
    {
        var first = FirstAfter(Entries, Entries.Length, position);
        return new ArraySegment<FeedEntry>(Entries, first, Math.Min(limit, Entries.Length - first));
    }

    // Binary search rather than arithmetic on change_seq: the window must
    // stay right even if the sequence ever had a hole (a pruned prefix).
    private static int FirstAfter(FeedEntry[] entries, int count, long position)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (entries[middle].ChangeSeq <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    // Where each application's entries are (their change_seqs, oldest first), kept up to date by Append:
    // a new page then finds its applications' earlier entries in the time of the page, not of the window.
    // (A scan of the window's 2,048 entries with a lookup each was the fan-out's largest cost per page, some
    // 5 % of a core at a hundred writes a second.) Only the fan-out appends, always to the newest window, so
    // the snapshots share it; streams never read it.
    private Dictionary<string, Queue<long>>? positions;

    /// <summary>
    /// This window with <paramref name="page"/> appended, keeping at most <paramref name="capacity"/> entries;
    /// call it on the newest window only (the one writer's rule).
    /// </summary>
    public FeedWindow Append(IReadOnlyList<FeedEntry> page, int capacity)
    {
        var index = positions ?? IndexOf(Entries);
        var kept = Math.Min(Entries.Length, Math.Max(0, capacity - page.Count));
        var dropped = Entries.Length - kept;
        var entries = new FeedEntry[kept + page.Count];
        Array.Copy(Entries, dropped, entries, 0, kept);
        for (var i = 0; i < dropped; i++)
        {
            Forget(index, Entries[i]);
        }

        // A change carries the application as it is when delivered (the contract): a newer page holds a newer
        // state of every application it names, so their earlier entries take it too. After an erasure that
        // state is none, and a stream behind no longer receives the household.
        var newest = new Dictionary<string, FeedEntry>(StringComparer.Ordinal);
        foreach (var entry in page)
        {
            newest[entry.Change.ApplicationNumber] = entry;
        }

        foreach (var (number, newer) in newest)
        {
            if (!index.TryGetValue(number, out var earlier))
            {
                continue;
            }

            foreach (var seq in earlier)
            {
                var at = FirstAfter(entries, kept, seq - 1);
                if (newer.State != entries[at].State)
                {
                    entries[at] = entries[at].WithStateOf(newer);
                }
            }
        }

        for (var i = 0; i < page.Count; i++)
        {
            entries[kept + i] = page[i];
            Remember(index, page[i]);
        }

        // The page follows the entries without a hole, so the window now
        // starts after the last entry it dropped.
        var start = dropped == 0 ? Start : Entries[dropped - 1].ChangeSeq;
        var appended = this with { Entries = entries, Start = start };
        appended.positions = index;
        return appended;
    }

    private static Dictionary<string, Queue<long>> IndexOf(FeedEntry[] entries)
    {
        var index = new Dictionary<string, Queue<long>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            Remember(index, entry);
        }

        return index;
    }

    private static void Remember(Dictionary<string, Queue<long>> index, FeedEntry entry)
    {
        if (!index.TryGetValue(entry.Change.ApplicationNumber, out var seqs))
        {
            index[entry.Change.ApplicationNumber] = seqs = new Queue<long>(1);
        }

        seqs.Enqueue(entry.ChangeSeq);
    }

    // Entries leave the window oldest first, so each is the oldest of its application's.
    private static void Forget(Dictionary<string, Queue<long>> index, FeedEntry entry)
    {
        var seqs = index[entry.Change.ApplicationNumber];
        seqs.Dequeue();
        if (seqs.Count == 0)
        {
            index.Remove(entry.Change.ApplicationNumber);
        }
    }
}
