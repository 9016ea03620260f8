using Interop.Hub.Attributions;
using Interop.Hub.Configuration;
using Interop.Hub.Feed;
using Interop.Hub.Idempotency;
using Interop.Hub.Renewal;
using Interop.Hub.Retention;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Jobs;

/// <summary>
/// Runs the hub's periodic sweeps (renewal radiations, inadmissibility
/// radiations, erasure of personal data, idempotency pruning)
/// at start and then every <see cref="InteropOptions.RenewalJobInterval"/>.
/// Every sweep is safe to run on several replicas at once. A failed sweep is
/// logged and tried again at the next tick.
/// </summary>
internal sealed class PeriodicJobs(
    RenewalSweep renewal, InadmissibilitySweep inadmissibility, ErasureSweep erasure, IdempotencyPruning pruning, FeedPruning feedPruning, TimeProvider time, IOptions<InteropOptions> options, ILogger<PeriodicJobs> logger)
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
            try
            {
                await renewal.RunOnceAsync(stoppingToken);
                await inadmissibility.RunOnceAsync(stoppingToken);
                await erasure.RunOnceAsync(stoppingToken);
                await pruning.RunOnceAsync(stoppingToken);
                await feedPruning.RunOnceAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A periodic sweep failed; it runs again in {Interval}", options.Value.RenewalJobInterval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
