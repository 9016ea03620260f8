using System.Diagnostics;
using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// Another client of the hub, on its own connection: a unary GetApplication
/// every 20 ms while a phase runs, as the outside measurement did, so
/// that the fan-out's cost to other clients shows (or does not) in its p99.
/// </summary>
internal static class UnaryProbe
{
    private static readonly TimeSpan Period = TimeSpan.FromMilliseconds(20);

    public static async Task<List<double>> RunAsync(CallInvoker calls, string applicationName, CancellationToken stop)
    {
        var registry = new RegistryService.RegistryServiceClient(calls);
        var latencies = new List<double>();
        var request = new GetApplicationRequest { Name = applicationName };
        while (!stop.IsCancellationRequested)
        {
            var clock = Stopwatch.StartNew();
            await registry.GetApplicationAsync(request, cancellationToken: CancellationToken.None);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var rest = Period - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(rest, stop);
                }
                catch (OperationCanceledException)
                {
                }
            }
        }

        return latencies;
    }
}
