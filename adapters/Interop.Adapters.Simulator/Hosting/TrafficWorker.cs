using Interop.Adapters.Simulator.Traffic;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Simulator.Hosting;

/// <summary>Runs the traffic generator at its rate until stopped or until its number of steps.</summary>
internal sealed partial class TrafficWorker(TrafficGenerator generator, SimulatorSettings settings, TimeProvider timeProvider, ILogger<TrafficWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Rate <= 0)
        {
            return;
        }

        var pause = TimeSpan.FromSeconds(1 / settings.Rate);
        for (var step = 0; settings.Steps is not { } max || step < max; step++)
        {
            try
            {
                await generator.StepAsync(stoppingToken);
                await Task.Delay(pause, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The hub unreachable during a lease, for instance: the landlord tries something else later.
                StepFailed(logger, e);
                await Task.Delay(pause, timeProvider, stoppingToken);
            }
        }

        TrafficDone(logger, settings.Steps ?? 0);
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "A traffic step failed; going on")]
    private static partial void StepFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Traffic done after {Steps} steps; the ERP keeps following the hub")]
    private static partial void TrafficDone(ILogger logger, int steps);
}
