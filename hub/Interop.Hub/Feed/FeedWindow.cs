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
        // Binary search rather than arithmetic on change_seq: the window must
        // stay right even if the sequence ever had a hole (a pruned prefix).
        int low = 0, high = Entries.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (Entries[middle].ChangeSeq <= position)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return new ArraySegment<FeedEntry>(Entries, low, Math.Min(limit, Entries.Length - low));
    }

    /// <summary>This window with <paramref name="page"/> appended, keeping at most <paramref name="capacity"/> entries.</summary>
    public FeedWindow Append(IReadOnlyList<FeedEntry> page, int capacity)
    {
        var kept = Math.Min(Entries.Length, Math.Max(0, capacity - page.Count));
        var dropped = Entries.Length - kept;
        var entries = new FeedEntry[kept + page.Count];
        Array.Copy(Entries, dropped, entries, 0, kept);

        // A change carries the application as it is when delivered (the contract): a newer page holds a newer
        // state of every application it names, so their earlier entries take it too. After an erasure that
        // state is none, and a stream behind no longer receives the household.
        var newest = new Dictionary<string, FeedEntry>(StringComparer.Ordinal);
        foreach (var entry in page)
        {
            newest[entry.Change.ApplicationNumber] = entry;
        }

        for (var i = 0; i < kept; i++)
        {
            if (newest.TryGetValue(entries[i].Change.ApplicationNumber, out var newer) && newer.State != entries[i].State)
            {
                entries[i] = entries[i].WithStateOf(newer);
            }
        }

        for (var i = 0; i < page.Count; i++)
        {
            entries[kept + i] = page[i];
        }

        // The page follows the entries without a hole, so the window now
        // starts after the last entry it dropped.
        var start = dropped == 0 ? Start : Entries[dropped - 1].ChangeSeq;
        return this with { Entries = entries, Start = start };
    }
}
