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
/// Committed changes may still wait for a number after a run: committed while
/// it ran, or left to another process' sequencer holding the lock (which may
/// die). Waiting for the poll interval then cost up to a second of delivery
/// delay, so while changes wait the sequencer looks again after a few
/// milliseconds, doubling the pause up to the poll interval while nothing moves.
/// </remarks>
internal sealed class SequencerService(
    RegistryDatabase database, FeedSequencer sequencer, FeedSignals signals, IOptions<InteropOptions> options,
    HubMetrics metrics, TimeProvider time, ILogger<SequencerService> logger) : BackgroundService
{
    private const int BatchSize = 1000;
    private static readonly TimeSpan FirstPendingPause = TimeSpan.FromMilliseconds(2);

    /// <summary>Numbers every change that can be numbered now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken) =>
        (await RunAsync(cancellationToken)).Numbered;

    /// <summary>Numbers what can be numbered; says whether committed changes still wait for a number.</summary>
    private async Task<(int Numbered, bool Pending)> RunAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        SequencedBatch batch;

        // A short batch took what its snapshot could number; what commits
        // next announces itself, and rows left behind show as pending.
        do
        {
            // The other processes' fan-outs hear of the batch by the NOTIFY its commit sends.
            batch = await sequencer.SequenceBatchAsync(connection, BatchSize, FeedSignals.SequencedChannel, database.InstanceId, cancellationToken);
            total += batch.Count;
            if (batch.Count > 0)
            {
                // This process' fan-out at once, without waiting for the rest of the loop.
                signals.Sequenced.Pulse();
            }

            // occurred_at is written with the hub's clock inside the writing transaction: the delay
            // counts that transaction's remaining time too (interop.feed.commit.delay tells it apart).
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var occurredAt in batch.OccurredAt)
            {
                metrics.RecordSequencerDelay(now - occurredAt);
            }
        }
        while (batch.Count >= BatchSize);

        return (total, batch.Pending);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.FeedPollInterval;
        var pendingPause = FirstPendingPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var committed = signals.Committed.NextPulse;
                var (numbered, pending) = await RunAsync(stoppingToken);
                var pause = pending ? pendingPause : poll;

                // The pause grows only while nothing moves; progress starts it again from the shortest.
                pendingPause = pending && numbered == 0 ? TimeSpan.FromTicks(Math.Min(pendingPause.Ticks * 2, poll.Ticks)) : FirstPendingPause;
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
