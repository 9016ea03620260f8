using Interop.Adapters.Sdk.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Resilience;

/// <summary>
/// How both of the adapter's loops live: run a pass until the host stops, and after a failure
/// (the hub unreachable, a revoked key, the ERP down past its retries) log it, wait
/// <see cref="AdapterOptions.FailureDelay"/> and start again. A failed pass keeps nothing
/// half-done: inbound, the change in hand was not acknowledged and comes again; outbound, its
/// marker was not stored and it is pushed again with the same request id.
/// </summary>
internal static class RestartingLoop
{
    public static async Task RunAsync(
        string loop, Func<CancellationToken, Task> pass, AdapterOptions options, TimeProvider timeProvider, ILogger logger, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pass(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                AdapterLog.LoopFailed(logger, e, loop, options.FailureDelay.TotalMilliseconds);
                try
                {
                    await Task.Delay(options.FailureDelay, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        AdapterLog.Stopped(logger, loop);
    }
}
