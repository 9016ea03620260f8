using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Feed.Benchmarks;

/// <summary>Landlord clients registering households, one call in flight each: in a closed loop, or paced to a rate.</summary>
internal static class Writers
{
    /// <summary>
    /// Writes for <paramref name="duration"/>; <paramref name="acknowledged"/>
    /// receives, for each application, when its writer had the answer (the
    /// commit happened before it, the change_time stamp before the commit).
    /// With <paramref name="rate"/>, the writers together start that many calls a
    /// second, each on its own schedule (staggered); a writer behind its schedule
    /// calls again at once, so the committed rate falls short of the offered one
    /// only when the hub cannot keep up.
    /// </summary>
    public static async Task<WriteResult> RunAsync(
        IReadOnlyList<CallInvoker> clients, TimeSpan duration, ConcurrentDictionary<string, DateTime> acknowledged, int? rate = null)
    {
        var clock = Stopwatch.StartNew();
        var interval = rate is { } perSecond ? TimeSpan.FromSeconds((double)clients.Count / perSecond) : TimeSpan.Zero;
        var results = await Task.WhenAll(clients.Select((calls, index) => Task.Run(async () =>
        {
            var registry = new RegistryService.RegistryServiceClient(calls);
            var latencies = new List<double>();
            long failed = 0;
            var due = interval * index / clients.Count;
            while (clock.Elapsed < duration)
            {
                if (rate is not null)
                {
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait);
                    }

                    due += interval;
                    if (clock.Elapsed >= duration)
                    {
                        break;
                    }
                }

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
