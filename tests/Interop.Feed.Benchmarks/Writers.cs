using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Feed.Benchmarks;

/// <summary>Landlord clients registering households in a closed loop (one call in flight each).</summary>
internal static class Writers
{
    /// <summary>
    /// Writes for <paramref name="duration"/>; <paramref name="acknowledged"/>
    /// receives, for each application, when its writer had the answer (the
    /// commit happened before it, the change_time stamp before the commit).
    /// </summary>
    public static async Task<WriteResult> RunAsync(IReadOnlyList<CallInvoker> clients, TimeSpan duration, ConcurrentDictionary<string, DateTime> acknowledged)
    {
        var clock = Stopwatch.StartNew();
        var results = await Task.WhenAll(clients.Select(calls => Task.Run(async () =>
        {
            var registry = new RegistryService.RegistryServiceClient(calls);
            var latencies = new List<double>();
            long failed = 0;
            while (clock.Elapsed < duration)
            {
                var started = clock.Elapsed;
                try
                {
                    var created = await registry.CreateApplicationAsync(TestApplications.Create("B0001"));
                    acknowledged[created.Application.Name] = DateTime.UtcNow;
                    latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                }
                catch (RpcException)
                {
                    failed++;
                }
            }

            return (latencies, failed);
        })));
        var elapsed = clock.Elapsed;
        var all = results.SelectMany(r => r.latencies).ToList();
        return new WriteResult(all.Count, results.Sum(r => r.failed), elapsed, all);
    }
}

internal sealed record WriteResult(long Committed, long Failed, TimeSpan Elapsed, List<double> LatenciesMs)
{
    public double PerSecond => Committed / Elapsed.TotalSeconds;
}
