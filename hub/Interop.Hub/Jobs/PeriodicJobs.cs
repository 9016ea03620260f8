using Interop.Hub.Attributions;
using Interop.Hub.Configuration;
using Interop.Hub.Diagnostics;
using Interop.Hub.Feed;
using Interop.Hub.Idempotency;
using Interop.Hub.Renewal;
using Interop.Hub.Retention;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Jobs;

/// <summary>
/// Runs the hub's periodic sweeps (renewal radiations, inadmissibility
/// radiations, erasure of personal data, idempotency pruning, stored scores
/// the date moved)
/// at start and then every <see cref="InteropOptions.RenewalJobInterval"/>.
/// Every sweep is safe to run on several replicas at once. A failed sweep is
/// logged, counted (<c>interop.job.runs</c>) and tried again at the next tick.
/// </summary>
internal sealed class PeriodicJobs(
    RenewalSweep renewal, InadmissibilitySweep inadmissibility, ErasureSweep erasure, IdempotencyPruning pruning, FeedPruning feedPruning, Cotation.StoredScores storedScores, TimeProvider time, IOptions<InteropOptions> options, HubMetrics metrics, ILogger<PeriodicJobs> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunJobs)
        {
            return;
        }

        using var timer = new PeriodicTimer(options.Value.RenewalJobInterval, time);
        do
        {
            // Each sweep on its own: one failing (a lock timeout, a bad row) does not stop the others.
            await RunAsync("renewal", renewal.RunOnceAsync, stoppingToken);
            await RunAsync("inadmissibility", inadmissibility.RunOnceAsync, stoppingToken);
            await RunAsync("erasure", erasure.RunOnceAsync, stoppingToken);
            await RunAsync("idempotency-pruning", pruning.RunOnceAsync, stoppingToken);
            await RunAsync("feed-pruning", feedPruning.RunOnceAsync, stoppingToken);
            await RunAsync("cotation-refresh", storedScores.RefreshAllAsync, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync<T>(string job, Func<CancellationToken, Task<T>> sweep, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        try
        {
            await sweep(stoppingToken);
            metrics.RecordJobRun(job, succeeded: true, time.GetElapsedTime(started));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.RecordJobRun(job, succeeded: false, time.GetElapsedTime(started));
            JobsLog.SweepFailed(logger, exception, job, options.Value.RenewalJobInterval);
        }
    }
}
