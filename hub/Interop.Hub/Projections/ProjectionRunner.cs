using Interop.Hub.Configuration;
using Interop.Hub.Feed;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Projections;
using Microsoft.Extensions.Options;
using System.Data;
using Npgsql;

namespace Interop.Hub.Projections;

/// <summary>
/// Keeps every registered <see cref="IChangeProjection"/> current from the sequenced change log, in
/// every hub process: the checkpoint row's lock makes one replica at a time apply a projection's next
/// page, and another takes over at once if that replica dies. Wakes when changes are sequenced (in this
/// process or, through NOTIFY, in another); the feed's poll interval is only a safety net.
/// </summary>
internal sealed class ProjectionRunner(
    RegistryDatabase database, ProjectionStore store, IEnumerable<IChangeProjection> projections, SequencerService sequencer,
    FeedSignals signals, TimeProvider time, IOptions<InteropOptions> options, ILogger<ProjectionRunner> logger) : BackgroundService
{
    /// <summary>Changes per transaction: short transactions, so a projection never holds the feed's sequencer back for long.</summary>
    private const int PageSize = 500;

    /// <summary>
    /// How long to wait for another replica holding a projection. Machine time, not the hub's
    /// TimeProvider: a pace on the wire, which a test's fake clock must not freeze (as in the feed).
    /// </summary>
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(20);

    private readonly IReadOnlyList<IChangeProjection> all = [.. projections];

    /// <summary>
    /// Sequences what is committed, then applies every projection up to the feed's head. Tests and
    /// commands call it to read projections that include every change made so far.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var head = await CommittedHeadAsync(cancellationToken);
        foreach (var projection in all)
        {
            await CatchUpAsync(projection, head, cancellationToken);
        }
    }

    /// <summary>
    /// The feed position covering every change committed before the call. The sequencer is run here, but
    /// another sequencer (this process' background one, another replica's) may hold its lock and number
    /// them a moment later: wait for that rather than stop short of them.
    /// </summary>
    private async Task<long> CommittedHeadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var through = await store.LastPositionAsync(connection, cancellationToken);
        while (true)
        {
            await sequencer.RunOnceAsync(cancellationToken);
            if (await store.SequencedHeadOfCommittedAsync(connection, through, cancellationToken) is { } head)
            {
                return head;
            }

            await Task.Delay(BusyPause, cancellationToken);
        }
    }

    /// <summary>
    /// Empties a projection and fills it again from the change log, then catches it up to the head. A
    /// projection that can rebuild itself set-based (<see cref="ISnapshotRebuild"/>) does it in one
    /// transaction: readers keep the old figures until it commits (the feed's sequencer numbers changes in
    /// commit order and does not wait for it). The others are emptied, then replayed page by page (readers
    /// see them fill back).
    /// </summary>
    public async Task RebuildAsync(string name, CancellationToken cancellationToken)
    {
        var projection = all.SingleOrDefault(candidate => candidate.Name == name)
            ?? throw new ArgumentException($"No projection named '{name}'; known: {string.Join(", ", all.Select(p => p.Name))}.", nameof(name));
        if (projection is ISnapshotRebuild snapshot)
        {
            await RebuildFromSnapshotAsync(projection, snapshot, cancellationToken);
        }
        else
        {
            await ResetAsync(projection, cancellationToken);
            ProjectionLog.Rebuilding(logger, name);
        }

        // Changes committed before the call but not yet sequenced (or sequenced after the snapshot) come in
        // through the incremental path, so the caller reads a projection that includes all of them.
        await CatchUpAsync(projection, await CommittedHeadAsync(cancellationToken), cancellationToken);
    }

    private async Task ResetAsync(IChangeProjection projection, CancellationToken cancellationToken)
    {
        var name = projection.Name;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            if (await store.TryLockAsync(transaction, name, time.GetUtcNow(), cancellationToken) is null)
            {
                await transaction.RollbackAsync(cancellationToken);
                await Task.Delay(BusyPause, cancellationToken);
                continue;
            }

            await projection.ResetAsync(transaction, cancellationToken);
            await store.AdvanceAsync(transaction, name, 0, time.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }
    }

    /// <summary>
    /// One REPEATABLE READ transaction: the checkpoint lock first (the same row lock a page takes, so no page of
    /// this projection runs meanwhile in any replica), then the feed head and the rebuild's reads all from the
    /// snapshot its first statement took, then the checkpoint moved to that head. A change sequenced after the
    /// snapshot is invisible to the rebuild and lies after the head, so the next page counts it, once.
    /// </summary>
    private async Task RebuildFromSnapshotAsync(IChangeProjection projection, ISnapshotRebuild snapshot, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            try
            {
                if (await store.TryLockAsync(transaction, projection.Name, time.GetUtcNow(), cancellationToken) is null)
                {
                    await transaction.RollbackAsync(cancellationToken);
                    await Task.Delay(BusyPause, cancellationToken);
                    continue;
                }

                var head = await store.FeedHeadAsync(connection, cancellationToken);
                await snapshot.RebuildAsync(transaction, head, cancellationToken);
                await store.AdvanceAsync(transaction, projection.Name, head, time.GetUtcNow(), cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                ProjectionLog.RebuiltFromSnapshot(logger, projection.Name, head, time.GetElapsedTime(started).TotalMilliseconds);
                return;
            }
            catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.SerializationFailure)
            {
                // A page of this projection committed between the snapshot and the lock: the snapshot no longer
                // matches the checkpoint. Start again on a fresh snapshot.
                await transaction.RollbackAsync(cancellationToken);
            }
        }
    }

    private async Task CatchUpAsync(IChangeProjection projection, long head, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (checkpoint, _, busy) = await ApplyNextPageAsync(projection, cancellationToken);
            if (busy)
            {
                // Another replica applies this projection: wait for it to pass the head.
                await Task.Delay(BusyPause, cancellationToken);
                await using var connection = await database.OpenAsync(cancellationToken);
                checkpoint = await store.CheckpointAsync(connection, projection.Name, cancellationToken);
            }

            if (checkpoint >= head)
            {
                return;
            }
        }
    }

    /// <summary>Applies the next page of one projection; returns its checkpoint afterwards and how many changes it applied, or busy when another replica holds it.</summary>
    private async Task<(long Checkpoint, int Applied, bool Busy)> ApplyNextPageAsync(IChangeProjection projection, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var checkpoint = await store.TryLockAsync(transaction, projection.Name, time.GetUtcNow(), cancellationToken);
        if (checkpoint is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return (0, 0, true);
        }

        // The head is read before the page: the sequencer hands a change_seq out and moves the head in one
        // transaction, so every change up to this head is in the page's view, or was pruned.
        var head = await store.FeedHeadAsync(connection, cancellationToken);
        var page = await store.ReadAfterAsync(transaction, checkpoint.Value, PageSize, cancellationToken);
        if (page.Count > 0)
        {
            await projection.ApplyAsync(transaction, page, cancellationToken);
            checkpoint = page[^1].ChangeSeq;
            await store.AdvanceAsync(transaction, projection.Name, checkpoint.Value, time.GetUtcNow(), cancellationToken);
        }
        else if (head > checkpoint)
        {
            // Nothing left after the checkpoint but the head is beyond it: the changes between were pruned
            // (a rebuild after the feed's retention). Without this, CatchUpAsync would wait for them for ever.
            checkpoint = head;
            await store.AdvanceAsync(transaction, projection.Name, head, time.GetUtcNow(), cancellationToken);
        }

        // Commits the checkpoint row's first insert too, when the page is empty.
        await transaction.CommitAsync(cancellationToken);
        return (checkpoint.Value, page.Count, false);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (all.Count == 0)
        {
            return;
        }

        var poll = options.Value.FeedPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sequenced = signals.Sequenced.NextPulse;
            var behind = false;
            foreach (var projection in all)
            {
                try
                {
                    var (_, applied, _) = await ApplyNextPageAsync(projection, stoppingToken);

                    // A full page may have more behind it: go round again without waiting.
                    behind |= applied >= PageSize;
                }
                catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
                {
                    ProjectionLog.Unreachable(logger, projection.Name, exception);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // A page that cannot be applied stops this projection only (it is retried at the next
                    // wake-up, whole); the feed, the other projections and the hub go on.
                    ProjectionLog.PageFailed(logger, projection.Name, exception);
                }
            }

            if (!behind)
            {
                await FeedSignal.WaitAsync(sequenced, poll, stoppingToken);
            }
        }
    }
}
