using Interop.Hub.Attributions;
using Interop.Hub.Configuration;
using Interop.Hub.Diagnostics;
using Interop.Hub.Feed;
using Interop.Hub.Idempotency;
using Interop.Hub.Renewal;
using Interop.Hub.Retention;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Replicas;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Jobs;

/// <summary>
/// Runs the hub's periodic sweeps (renewal radiations, inadmissibility
/// radiations, erasure of personal data, idempotency pruning, feed pruning,
/// stored cotation scores the date moved, under the rescoring job's own lock)
/// at start and then every <see cref="InteropOptions.RenewalJobInterval"/>,
/// once per interval across all replicas: each sweep runs only on the replica
/// that claims its lease row (<see cref="JobLeaseStore"/>). Every sweep is
/// also safe to run on several replicas at once (row locks, rules checked
/// again per row), so a lease lost to a crash costs at worst a repeated sweep.
/// A failed sweep is logged, counted (<c>interop.job.runs</c>) and tried again
/// at the next tick.
/// </summary>
internal sealed class PeriodicJobs(
    RenewalSweep renewal, InadmissibilitySweep inadmissibility, ErasureSweep erasure, IdempotencyPruning pruning, FeedPruning feedPruning, Cotation.ScoreRefresh scoreRefresh,
    RegistryDatabase database, JobLeaseStore leases, TimeProvider time, IOptions<InteropOptions> options, HubMetrics metrics, ILogger<PeriodicJobs> logger)
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
            await RunAsync("cotation-refresh", scoreRefresh.RefreshAllAsync, stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task RunAsync<T>(string job, Func<CancellationToken, Task<T>> sweep, CancellationToken stoppingToken)
    {
        var started = time.GetTimestamp();
        try
        {
            if (!await ClaimAsync(job, stoppingToken))
            {
                return;
            }

            await sweep(stoppingToken);
            metrics.RecordJobRun(job, succeeded: true, time.GetElapsedTime(started));
            JobsLog.Ran(logger, job);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            metrics.RecordJobRun(job, succeeded: false, time.GetElapsedTime(started));
            JobsLog.SweepFailed(logger, exception, job, options.Value.RenewalJobInterval);
        }
    }

    /// <summary>Whether this replica runs <paramref name="job"/> now; another replica may have run it within the interval.</summary>
    /// <remarks>
    /// No time of this replica goes into the claim: the database's clock decides when a lease
    /// is due (<see cref="JobLeaseStore"/>), so a replica whose clock is off by hours neither
    /// takes over a live lease nor holds one after it stops.
    /// </remarks>
    private async Task<bool> ClaimAsync(string job, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        if (await leases.TryClaimAsync(connection, job, database.InstanceId, options.Value.RenewalJobInterval, cancellationToken))
        {
            return true;
        }

        JobsLog.NotDue(logger, job);
        return false;
    }
}
