using System.Globalization;
using Interop.Testing;

namespace Interop.Benchmarks;

/// <summary>
/// Runs a light load on a target until the background JIT of every process
/// involved has gone quiet, printing the rate second by second so the climb is
/// visible. On 2 cores the hub needs about 15 s of load, during which it
/// registers 3–6 times slower than afterwards; a production hub runs for days,
/// so only the rate after that counts. Two clients, not more: with both cores
/// saturated the compiler thread would get little CPU and take longer.
/// </summary>
internal static class JitWarmUp
{
    private const int Clients = BenchmarkDesks.WarmUpClients;

    // At most this many clock ticks (10 ms) a second on the JIT thread counts as quiet...
    private const long QuietTicksPerSecond = 2;

    // ...for this many seconds in a row.
    private const int QuietSecondsNeeded = 2;

    public static async Task<WarmUpOutcome> RunAsync(
        IRegistrationTarget target, TimeSpan minimum, TimeSpan maximum, CancellationToken cancellationToken)
    {
        var clients = Enumerable.Range(0, Clients).Select(i => target.ClientFor(BenchmarkDesks.OfWarmUpClient(i))).ToArray();
        var jits = target.CompilingProcesses.Select(id => new JitActivity(id)).ToArray();
        var failures = new FailureTally();
        var rates = new List<string>();
        var quietSeconds = 0;
        var elapsed = TimeSpan.Zero;
        while (elapsed < maximum && (elapsed < minimum || quietSeconds < QuietSecondsNeeded))
        {
            var slice = await ClosedLoop.RunAsync(clients, TimeSpan.FromSeconds(1), failures, cancellationToken);
            elapsed += slice.Elapsed;
            rates.Add(slice.PerSecond.ToString("0", CultureInfo.InvariantCulture));
            var busiest = jits.Max(jit => jit.TicksSinceLastCall());
            quietSeconds = busiest <= QuietTicksPerSecond * slice.Elapsed.TotalSeconds ? quietSeconds + 1 : 0;
        }

        var outcome = new WarmUpOutcome(elapsed, quietSeconds >= QuietSecondsNeeded, failures.Total);
        Console.WriteLine($"warm-up {target.Name}, {Clients} clients, reg/s each second: {string.Join(" ", rates)} ({outcome.Describe()})");
        FailureReport.Print(target, failures);
        return outcome;
    }
}
