using System.Diagnostics;

namespace Interop.Benchmarks;

/// <summary>
/// Runs each client's registrations back to back (a closed loop: a client sends
/// its next request when the previous one is answered) until the duration is
/// over, timing every successful call and tallying every failure.
/// </summary>
internal static class ClosedLoop
{
    public static async Task<LoadSample> RunAsync(
        IReadOnlyList<Registration> clients, TimeSpan duration, FailureTally failures, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var loops = clients.Select(client => Task.Run(() => LoopAsync(client, started, duration, failures, cancellationToken))).ToArray();
        var latencies = await Task.WhenAll(loops);

        // Calls in flight at the deadline are let finish and counted, so the
        // rate divides by the time until the last one ended.
        var elapsed = Stopwatch.GetElapsedTime(started);
        return new LoadSample([.. latencies.SelectMany(client => client)], elapsed);
    }

    private static async Task<List<TimeSpan>> LoopAsync(
        Registration register, long started, TimeSpan duration, FailureTally failures, CancellationToken cancellationToken)
    {
        var latencies = new List<TimeSpan>(capacity: 4096);
        while (Stopwatch.GetElapsedTime(started) < duration)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var callStarted = Stopwatch.GetTimestamp();
            try
            {
                await register(cancellationToken);
                latencies.Add(Stopwatch.GetElapsedTime(callStarted));
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                failures.Add(exception);

                // A target that fails at once (hub down) would otherwise spin a core
                // that the hub and PostgreSQL need.
                await Task.Delay(10, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Stopped by the user: gRPC reports it as a CANCELLED status, not a cancellation.
                throw new OperationCanceledException("The run was stopped.", exception, cancellationToken);
            }
        }

        return latencies;
    }
}
