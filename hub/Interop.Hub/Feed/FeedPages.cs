using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;

namespace Interop.Hub.Feed;

/// <summary>
/// Reads a page of the sequenced feed with the current state of its
/// applications, ready to send: for the fan-out's one reader and for the
/// streams that catch up behind its window.
/// </summary>
/// <remarks>
/// Catch-up readers take a turn among <see cref="CatchUpReaders"/>: a crowd
/// of subscribers coming back after a restart reads its backlog a few at a
/// time instead of taking every connection of the pool (the issue saw
/// "too many clients already" when each stream held its own).
/// </remarks>
internal sealed class FeedPages(RegistryDatabase database, FeedStore feed, CommitInstants commits)
{
    public const int CatchUpReaders = 4;

    private readonly SemaphoreSlim catchUpTurns = new(CatchUpReaders, CatchUpReaders);

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="after"/>, with their applications' states.</summary>
    public async Task<IReadOnlyList<FeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await feed.ReadAfterWithStatesAsync(connection, after, limit, cancellationToken);
        return page.Count == 0 ? [] : page.Select(row => FeedEntry.Create(row.Change, row.State, commits.CommittedAt(row.Change.OccurredAt))).ToList();
    }

    /// <summary>The same read for a stream behind the shared window, one of a few at a time.</summary>
    public async Task<IReadOnlyList<FeedEntry>> CatchUpAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await catchUpTurns.WaitAsync(cancellationToken);
        try
        {
            return await ReadAsync(after, limit, cancellationToken);
        }
        finally
        {
            catchUpTurns.Release();
        }
    }
}
