using System.Globalization;
using Interop.Testing;

namespace Interop.Client.Benchmarks;

/// <summary>
/// Runs every side in turn, two clients each, until the background JIT of the
/// hub and of this program has gone quiet: on 2 cores the hub needs 15 s or
/// more of load before it runs its final code (tests/Interop.Benchmarks/README.md),
/// and a side measured during that climb would look slower for having gone first.
/// </summary>
internal static class HubWarmUp
{
    private const int Clients = 2;

    // At most this many clock ticks (10 ms) per second on the JIT threads counts as quiet...
    private const double QuietTicksPerSecond = 2;

    // ...for this many rounds of every side in a row.
    private const int QuietRoundsNeeded = 2;

    public static async Task RunAsync(IReadOnlyList<SideClients> sides, int? hubProcess, TimeSpan minimum, TimeSpan maximum, CancellationToken cancellationToken)
    {
        int[] processes = hubProcess is { } hub ? [hub, Environment.ProcessId] : [Environment.ProcessId];
        var jits = processes.Select(id => new JitActivity(id)).ToArray();
        var sliceLength = TimeSpan.FromSeconds(0.25);
        var rates = new List<string>();
        var quietRounds = 0;
        var elapsed = TimeSpan.Zero;
        while (elapsed < maximum && (elapsed < minimum || quietRounds < QuietRoundsNeeded))
        {
            var round = new Latencies();
            foreach (var side in sides)
            {
                await side.MeasureAsync(Clients, sliceLength, round, cancellationToken);
            }

            elapsed += round.Elapsed;
            rates.Add(round.PerSecond.ToString("0", CultureInfo.InvariantCulture));
            var busiest = jits.Max(jit => jit.TicksSinceLastCall());
            quietRounds = busiest <= QuietTicksPerSecond * round.Elapsed.TotalSeconds ? quietRounds + 1 : 0;
        }

        var settled = quietRounds >= QuietRoundsNeeded
            ? $"JIT settled after {elapsed.TotalSeconds:0} s"
            : $"JIT still compiling after {elapsed.TotalSeconds:0} s: the figures may be low";
        Console.WriteLine($"warm-up: every side in turn, {Clients} clients, calls/s per round: {string.Join(" ", rates)} ({settled})");
    }
}
