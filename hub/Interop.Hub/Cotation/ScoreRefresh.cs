using Interop.Hub.Storage;
using Interop.Hub.Storage.Cotation;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// The cotation rescoring job: the territory rescorings publications asked for, and the refresh of the
/// rows the date alone moved (the periodic job). It runs in one process at a time across every replica,
/// page by page, each page its own short transaction (<see cref="StoredScores"/>).
/// </summary>
/// <remarks>
/// One run at a time: a session advisory lock, taken on a connection of its own and tried, never waited
/// for; the pages run on other connections. A run that dies (a crash, a stop) releases it with its
/// connection, and the next run continues each territory after its last committed page.
/// </remarks>
internal sealed class ScoreRefresh(StoredScores stored, RescoringStore rescorings, RegistryDatabase database, RescoringCounters counters, ILogger<ScoreRefresh> logger)
{
    /// <summary>
    /// How long <see cref="CatchUpAsync"/> waits for the run of another replica. Machine time, not the hub's
    /// TimeProvider: a pace on the wire, which a test's fake clock must not freeze.
    /// </summary>
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether a territory rescoring is pending.</summary>
    public async Task<bool> AnyPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (await rescorings.ListPendingAsync(connection, cancellationToken)).Count > 0;
    }

    /// <summary>Runs the pending territory rescorings to their end; false when another run holds the job.</summary>
    public async Task<bool> RunPendingAsync(CancellationToken cancellationToken) =>
        await UnderLockAsync(
            async token =>
            {
                await RescorePendingAsync(token);
                return 0;
            },
            cancellationToken) is not null;

    /// <summary>
    /// The periodic refresh: the pending territory rescorings first, then every grid's rows that no longer
    /// serve today. Returns how many rows the date had moved (0 when another run holds the job).
    /// </summary>
    public async Task<int> RefreshAllAsync(CancellationToken cancellationToken) =>
        await TryRefreshAllAsync(cancellationToken) ?? 0;

    /// <summary>The same; null when another run holds the job, so nothing was refreshed by this call.</summary>
    public async Task<int?> TryRefreshAllAsync(CancellationToken cancellationToken) =>
        await UnderLockAsync(
            async token =>
            {
                await RescorePendingAsync(token);
                var refreshed = 0;
                foreach (var versions in await stored.GridsAsync(token))
                {
                    refreshed += await stored.RefreshStaleAsync(versions, token);
                }

                return refreshed;
            },
            cancellationToken);

    /// <summary>Returns once no territory rescoring is pending: runs them, or waits for the run that does. For tests and commands.</summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        while (await AnyPendingAsync(cancellationToken))
        {
            if (!await RunPendingAsync(cancellationToken))
            {
                await Task.Delay(BusyPause, TimeProvider.System, cancellationToken);
            }
        }
    }

    private async Task RescorePendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            IReadOnlyList<string> pending;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                pending = await rescorings.ListPendingAsync(connection, cancellationToken);
            }

            if (pending.Count == 0)
            {
                return;
            }

            foreach (var gridId in pending)
            {
                long rescored = 0;
                long pages = 0;
                bool done;
                do
                {
                    (var written, done) = await stored.RescoreTerritoryPageAsync(gridId, cancellationToken);
                    rescored += written;
                    pages++;
                    await counters.TerritoryPageCommittedAsync(gridId, pages, cancellationToken);
                }
                while (!done);

                RescoringLog.TerritoryDone(logger, gridId, rescored, pages);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> holding the job's lock; null when another run holds it.</summary>
    private async Task<int?> UnderLockAsync(Func<CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand("SELECT pg_try_advisory_lock(hashtextextended('cotation-rescoring', 0))", connection))
        {
            if (!(bool)(await take.ExecuteScalarAsync(cancellationToken))!)
            {
                return null;
            }
        }

        try
        {
            return await work(cancellationToken);
        }
        finally
        {
            // Released explicitly: the pooled connection outlives this run. A broken connection released it already.
            if (connection.State == System.Data.ConnectionState.Open)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock(hashtextextended('cotation-rescoring', 0))", connection);
                await release.ExecuteScalarAsync(CancellationToken.None);
            }
        }
    }
}
