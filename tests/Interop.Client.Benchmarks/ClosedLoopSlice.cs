using System.Diagnostics;

namespace Interop.Client.Benchmarks;

/// <summary>
/// Runs a side's clients back to back (each sends its next call when the
/// previous one is answered) for one slice. The first failed call ends the
/// slice with <see cref="CallFailedException"/>: the benchmark checks every
/// status, and one failure voids the run.
/// </summary>
internal static class ClosedLoopSlice
{
    public static async Task RunAsync(Side side, IReadOnlyList<Caller> clients, TimeSpan length, Latencies into, CancellationToken cancellationToken)
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var started = Stopwatch.GetTimestamp();
        var perClient = await Task.WhenAll(clients.Select(client => Task.Run(() => ClientAsync(side, client, started, length, cancellationToken), cancellationToken)));

        // Calls in flight at the end of the slice finish and count, so the rate
        // divides by the time until the last one was answered.
        into.Add(perClient.SelectMany(calls => calls), Stopwatch.GetElapsedTime(started), Environment.CpuUsage.TotalTime - cpu);
    }

    private static async Task<List<double>> ClientAsync(Side side, Caller client, long started, TimeSpan length, CancellationToken cancellationToken)
    {
        var calls = new List<double>(capacity: 2048);
        while (Stopwatch.GetElapsedTime(started) < length)
        {
            var request = client.Prepare();
            var sent = Stopwatch.GetTimestamp();
            try
            {
                await client.SendAsync(request, cancellationToken);
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                throw new CallFailedException(side.Name, exception);
            }

            calls.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
        }

        return calls;
    }
}
