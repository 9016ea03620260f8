using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
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
internal sealed class FeedPages(RegistryDatabase database, FeedStore feed, ApplicationStore applications)
{
    public const int CatchUpReaders = 4;

    private readonly SemaphoreSlim catchUpTurns = new(CatchUpReaders, CatchUpReaders);

    /// <summary>Up to <paramref name="limit"/> changes after <paramref name="after"/>, with their applications' states.</summary>
    public async Task<IReadOnlyList<FeedEntry>> ReadAsync(long after, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var page = await feed.ReadAfterAsync(connection, after, limit, cancellationToken);
        if (page.Count == 0)
        {
            return [];
        }

        var states = await applications.GetManyAsync(connection, page.Select(c => c.ApplicationNumber).Distinct().ToList(), cancellationToken);
        return page.Select(c => FeedEntry.Create(c, states.GetValueOrDefault(c.ApplicationNumber))).ToList();
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
