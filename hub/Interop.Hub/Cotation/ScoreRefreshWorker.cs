using Interop.Hub.Configuration;
using Interop.Hub.Feed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// Runs the territory rescorings publications ask for, in every hub process (the job's lock lets one run
/// at a time): woken by a publication committed in this process, and polling every
/// <see cref="InteropOptions.FeedPollInterval"/> for those of other replicas and for a rescoring a crash
/// or a stop left half-way. Not a periodic job: it runs with <see cref="InteropOptions.RunJobs"/> off too,
/// as a publication's continuation.
/// </summary>
internal sealed class ScoreRefreshWorker(ScoreRefresh refresh, RescoringSignal signal, IOptions<InteropOptions> options, ILogger<ScoreRefreshWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.FeedPollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var requested = signal.Requested.NextPulse;
            try
            {
                if (await refresh.AnyPendingAsync(stoppingToken))
                {
                    await refresh.RunPendingAsync(stoppingToken);
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                RescoringLog.Unreachable(logger, exception);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                RescoringLog.Failed(logger, exception);
            }

            await FeedSignal.WaitAsync(requested, poll, stoppingToken);
        }
    }
}
