using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;

namespace Interop.Hub.Feed;

/// <summary>
/// Reads a page of the sequenced feed with the current state of its
/// applications, ready to send: for the fan-out's one reader and for the
/// streams that catch up behind its window.
/// </summary>
/// <remarks>
/// Catch-up readers, and streams starting (<see cref="InTurnAsync{T}"/>), take
/// a turn among <see cref="StreamReaders"/>: a crowd of subscribers coming back
/// after a restart opens its streams and reads its backlog a few at a time
/// instead of taking every connection of the pool (the issue saw "too many
/// clients already" when each stream held its own; fifty streams starting
/// together still opened some fifty connections, each a cold PostgreSQL backend).
/// </remarks>
internal sealed class FeedPages(RegistryDatabase database, FeedStore feed, CommitInstants commits)
{
    public const int StreamReaders = 4;

    private readonly SemaphoreSlim turns = new(StreamReaders, StreamReaders);

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="after"/>, with their applications' states.</summary>
    public async Task<IReadOnlyList<FeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await feed.ReadAfterWithStatesAsync(connection, after, limit, cancellationToken);
        return page.Count == 0 ? [] : page.Select(row => FeedEntry.Create(row.Change, row.State, commits.CommittedAt(row.Change.OccurredAt))).ToList();
    }

    /// <summary>The same read for a stream behind the shared window, one of a few at a time.</summary>
    public Task<IReadOnlyList<FeedEntry>> CatchUpAsync(long after, int limit, CancellationToken cancellationToken) =>
        InTurnAsync(() => ReadAsync(after, limit, cancellationToken), cancellationToken);

    /// <summary>Runs a stream's database work (its start, a catch-up page) in one of the few turns streams share.</summary>
    public async Task<T> InTurnAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        await turns.WaitAsync(cancellationToken);
        try
        {
            return await work();
        }
        finally
        {
            turns.Release();
        }
    }
}
