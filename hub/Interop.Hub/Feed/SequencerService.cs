using Interop.Hub.Configuration;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Feed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Feed;

/// <summary>
/// Runs the feed sequencer in every hub process; the advisory lock inside
/// makes one of them do the work at a time, and another takes over at once if
/// that process dies. Wakes on commit, polls as a fallback (a transaction that
/// held the feed back announces nothing when it ends).
/// </summary>
internal sealed class SequencerService(
    RegistryDatabase database, FeedSequencer sequencer, FeedSignals signals, IOptions<InteropOptions> options,
    ILogger<SequencerService> logger) : BackgroundService
{
    private const int BatchSize = 1000;

    /// <summary>Numbers every change that can be numbered now; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        await using var connection = await database.OpenAsync(cancellationToken);
        int numbered;
        do
        {
            numbered = await sequencer.SequenceBatchAsync(connection, BatchSize, cancellationToken);
            total += numbered;
        }
        while (numbered > 0);

        if (total > 0)
        {
            await using var notify = new NpgsqlCommand($"NOTIFY {FeedSignals.SequencedChannel}", connection);
            await notify.ExecuteNonQueryAsync(cancellationToken);
            signals.Sequenced.Pulse();
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
                await signals.Committed.WaitAsync(options.Value.FeedPollInterval, stoppingToken);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                logger.LogWarning(exception, "The feed sequencer could not reach the database; retrying");
                await Task.Delay(options.Value.FeedPollInterval, stoppingToken);
            }
        }
    }
}
