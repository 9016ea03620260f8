using Interop.Hub.Storage;
using Npgsql;
using Polly;
using Polly.Retry;

namespace Interop.Hub.Feed;

/// <summary>
/// One LISTEN connection per hub process: turns NOTIFYs from the other
/// processes on the database into local wake-ups. Losing it only slows the feed down to
/// its polling interval, so it reconnects quietly with backoff.
/// </summary>
internal sealed class FeedListener(RegistryDatabase database, FeedSignals signals, ILogger<FeedListener> logger) : BackgroundService
{
    private static readonly ResiliencePipeline Reconnect = new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<NpgsqlException>().Handle<TimeoutException>(),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(200),
            MaxDelay = TimeSpan.FromSeconds(10),
            UseJitter = true,
        })
        .Build();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Reconnect.ExecuteAsync(ListenAsync, stoppingToken).AsTask();

    private async ValueTask ListenAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        connection.Notification += (_, notification) =>
        {
            // This process signalled its own commits and pages already.
            if (notification.Payload == database.InstanceId)
            {
                return;
            }

            if (notification.Channel == RegistryDatabase.ChangesChannel)
            {
                signals.Committed.Pulse();
            }
            else
            {
                signals.Sequenced.Pulse();
            }
        };
        await using (var listen = new NpgsqlCommand($"LISTEN {RegistryDatabase.ChangesChannel}; LISTEN {FeedSignals.SequencedChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        FeedLog.Listening(logger);

        // Something may have happened while we were not listening.
        signals.Committed.Pulse();
        signals.Sequenced.Pulse();
        while (!cancellationToken.IsCancellationRequested)
        {
            await connection.WaitAsync(cancellationToken);
        }
    }
}
