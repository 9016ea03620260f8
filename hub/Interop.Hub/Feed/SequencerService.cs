using Interop.Hub.Configuration;
using Interop.Hub.Diagnostics;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Feed;

/// <summary>
/// Runs the feed sequencer in every hub process; the advisory lock inside
/// makes one of them do the work at a time, and another takes over at once if
/// that process dies. Wakes on the commit itself (an in-process signal from
/// this process' writers, NOTIFY from the others'); the poll interval is only
/// a safety net.
/// </summary>
/// <remarks>
/// A change committed while an older transaction is still open is held back
/// until that transaction ends, and that transaction may announce nothing
/// when it ends (an audit insert, a read-write query of another room). Waiting
/// for the poll interval then cost up to a second of delivery delay, so while
/// changes are held back the sequencer looks again after a few milliseconds,
/// doubling the pause up to the poll interval.
/// </remarks>
internal sealed class SequencerService(
    RegistryDatabase database, FeedSequencer sequencer, FeedStore feed, FeedSignals signals, IOptions<InteropOptions> options,
    HubMetrics metrics, TimeProvider time, ILogger<SequencerService> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan FirstHeldBackPause = TimeSpan.FromMilliseconds(2);

    /// <summary>Numbers every change that can be numbered now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken)).Numbered;

    /// <summary>Numbers what can be numbered; says whether committed changes are still held back.</summary>
    private async Task<(int Numbered, bool HeldBack)> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        int numbered;

        // A short batch took what its snapshot could number; what commits
        // next announces itself, and rows left behind show in the held-back
        // check below. (Asking again for an empty batch cost five round trips
        // at every wake-up, on the delivery path.)
        do
        {
            var batch = await sequencer.SequenceBatchAsync(connection, BatchSize, cancellationToken);
            numbered = batch.Count;
            total += numbered;

            // occurred_at is written with the hub's clock inside the writing transaction: the delay
            // counts that transaction's remaining time too, which is what holds a change back.
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var occurredAt in batch.OccurredAt)
            {
                metrics.RecordSequencerDelay(now - occurredAt);
            }
        }
        while (numbered >= BatchSize);

        if (total > 0)
        {
            // This process' fan-out first, then the other processes'.
            signals.Sequenced.Pulse();
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection);
            notify.Parameters.AddWithValue("channel", FeedSignals.SequencedChannel);
            notify.Parameters.AddWithValue("payload", database.InstanceId);
            await notify.ExecuteNonQueryAsync(cancellationToken);
        }

        return (total, await feed.HasUnsequencedAsync(connection, cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.FeedPollInterval;
        var heldBackPause = FirstHeldBackPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var committed = signals.Committed.NextPulse;
                var (numbered, heldBack) = await RunAsync(stoppingToken);
                var pause = heldBack ? heldBackPause : poll;

                // The pause grows only while nothing moves; progress starts it again from the shortest.
                heldBackPause = heldBack && numbered == 0 ? TimeSpan.FromTicks(Math.Min(heldBackPause.Ticks * 2, poll.Ticks)) : FirstHeldBackPause;
                await FeedSignal.WaitAsync(committed, pause, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                FeedLog.SequencerUnreachable(logger, exception);
                await signals.Committed.WaitAsync(poll, stoppingToken);
            }
        }
    }
}
