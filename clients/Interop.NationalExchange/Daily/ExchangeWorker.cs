using Interop.Client;
using Interop.NationalExchange.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.NationalExchange.Daily;

/// <summary>
/// The daily exchange as a hosted service: each day at <see cref="ExchangeOptions.RunAt"/>
/// (French time by default) it imports the inbox, exports the day and reconciles. A run
/// the worker missed (stopped at that time, or failed) is caught up at once on start,
/// and a failed run is tried again after <see cref="ExchangeOptions.RetryAfter"/>; the
/// export and import are idempotent, so a retry never sends or applies anything twice.
/// </summary>
public sealed class ExchangeWorker(InteropClient client, ExchangeOptions options, TimeProvider? time = null) : BackgroundService
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly ILogger logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Interop.NationalExchange");

    /// <summary>Raised after each successful run, with its report (for tests and monitoring).</summary>
    public event Action<ExchangeRunReport>? Completed;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = new ExchangeRunner(client, options, clock);
        while (!stoppingToken.IsCancellationRequested)
        {
            var lastDone = ExportState.Load(options.Directory)?.Runs.LastOrDefault()?.Date;
            var next = DailySchedule.Next(clock.GetUtcNow(), options.RunAt, options.TimeZone, lastDone);
            var wait = next - clock.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                WorkerLog.Waiting(logger, next);
                await Task.Delay(wait, clock, stoppingToken).ConfigureAwait(false);
            }

            try
            {
                var report = await runner.RunAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                WorkerLog.Ran(logger, report.Date, report.Imports.Count, report.Export?.Demandes ?? 0, report.NeedsAttention);
                Completed?.Invoke(report);
            }
            catch (Exception failure) when (!stoppingToken.IsCancellationRequested)
            {
                WorkerLog.Failed(logger, failure, options.RetryAfter);
                await Task.Delay(options.RetryAfter, clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }
}
