using Interop.Hub.Configuration;
using Interop.Hub.Core.Time;
using Interop.Hub.Feed;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// Runs the territory rescorings publications ask for, in every hub process (the job's lock lets one run
/// at a time): woken by a publication committed in this process, and polling every
/// <see cref="InteropOptions.FeedPollInterval"/> for those of other replicas and for a rescoring a crash
/// or a stop left half-way. Not a periodic job: it runs with <see cref="InteropOptions.RunJobs"/> off too,
/// as a publication's continuation. With the jobs on, it also refreshes the rows the date moved as soon as
/// the French day changes (<see cref="ScoreRefresh.TryRefreshAllAsync"/>).
/// </summary>
/// <remarks>
/// Why at the day's change and not only with the periodic jobs: a score past its fresh_until is never
/// ranked or counted as today's, so from midnight until the next periodic run (up to
/// <see cref="InteropOptions.RenewalJobInterval"/>, an hour by default) every application whose seniority
/// month or birthday falls that day would be left out of today's rankings and only counted as pending.
/// Every replica with the jobs on notices the new day; the job's lock lets one refresh at a time, and a
/// replica that finds it held tries again at its next poll, when the rows are already fresh and its run
/// rescores nothing (one read of the stale rows per grid).
/// </remarks>
internal sealed class ScoreRefreshWorker(
    ScoreRefresh refresh, RescoringSignal signal, IOptions<InteropOptions> options, TimeProvider time, ILogger<ScoreRefreshWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = options.Value.FeedPollInterval;

        // The periodic jobs refresh at start; from then on, each new day is this worker's to refresh.
        var refreshedFor = FrenchCalendar.Today(time);
        while (!stoppingToken.IsCancellationRequested)
        {
            var requested = signal.Requested.NextPulse;
            try
            {
                if (await refresh.AnyPendingAsync(stoppingToken))
                {
                    await refresh.RunPendingAsync(stoppingToken);
                }

                var today = FrenchCalendar.Today(time);
                if (options.Value.RunJobs && today != refreshedFor && await refresh.TryRefreshAllAsync(stoppingToken) is { } refreshed)
                {
                    refreshedFor = today;
                    RescoringLog.DayRefreshed(logger, today, refreshed);
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
