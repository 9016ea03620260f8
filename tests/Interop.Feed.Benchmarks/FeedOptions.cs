using System.Globalization;

namespace Interop.Feed.Benchmarks;

/// <summary>The command line of the change-feed benchmark.</summary>
internal sealed record FeedOptions(TimeSpan PhaseLength, IReadOnlyList<int> SubscriberCounts)
{
    public const string Usage = "usage: [--seconds 15] [--subscribers 1,10,50] [--rate N] [--rounds 1] [--idle-lifetime 300] [--subscribers-apart] [--smoke]";

    public const string Help = """
          --seconds N            length of each measured phase (default 15)
          --subscribers A,B,…    subscriber counts, one phase each after the writers alone (default 1,10,50)
          --rate N               writes per second offered by the 4 writers together (default: closed loop)
          --rounds N             repeat 0, 1 and the most subscribers N − 1 more times; medians per round (default 1)
          --idle-lifetime N      seconds the hub's pool keeps an idle connection (default 300)
          --subscribers-apart    run the subscribers in a process of their own at nice 10 (default: in this process)
          --smoke                every phase once on tiny sizes (CI); its figures measure nothing
        Needs INTEROP_TEST_POSTGRES (an admin connection string). See README.md.
        """;

    /// <summary>
    /// The whole path once, small and fast, for CI (deploy/test.sh): 2-s phases,
    /// one and two subscribers, a second round, the memory pair with one subscriber and the slow one, a
    /// short baseline. Its figures measure nothing; it proves the command of the
    /// README still runs and still delivers every change once and in order.
    /// </summary>
    public bool Smoke { get; init; }

    /// <summary>
    /// Writes per second offered by the writers together, paced; null: each writer calls again as soon as
    /// it has its answer (closed loop), which saturates the machine. A territory's hub sees a few writes a
    /// second at its busiest, so a paced phase shows the fan-out's own latency, a closed-loop one its cost.
    /// </summary>
    public int? Rate { get; init; }

    /// <summary>
    /// Seconds the hub's pool keeps an idle connection (Npgsql's default, 300, as a deployment runs). The tests' 2 s
    /// recycles backends, and with them PostgreSQL's cached plans: comparing the two finds a prepared statement
    /// whose generic plan, chosen after five runs on a long-lived connection, is slower than its custom ones.
    /// </summary>
    public int IdleLifetimeSeconds { get; init; } = 300;

    /// <summary>
    /// How many times the comparison is made: after the first sequence, each further round runs 0, 1 and the most
    /// subscribers again, a last phase without subscribers closes the last round (each round is bracketed by
    /// two), and the ratios are given per round and as their median. One round's ratio moves by as
    /// much as the targets' margins from phase to phase on a shared machine (the rate with no subscriber was 0.90
    /// to 0.96 of the rate with one in three quiet runs).
    /// </summary>
    public int Rounds { get; init; } = 1;

    /// <summary>
    /// Whether the subscribers run in a process of their own, at a lower CPU priority (<see cref="SubscriberProcess"/>),
    /// instead of in the benchmark's process beside the writers. On 2 cores their receptions compete with the other
    /// client for the CPU; apart and niced, what is left of the other client's slowdown is the hub's share. Off by
    /// default, so that the figures stay comparable with the earlier runs.
    /// </summary>
    public bool SubscribersApart { get; init; }

    /// <summary>The unreported first phase (JIT, pools).</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Unary round trips of the baseline that are timed, after <see cref="BaselineWarmUpCalls"/> that are not.</summary>
    public int BaselineCalls { get; init; } = 1000;

    public int BaselineWarmUpCalls { get; init; } = 200;

    /// <summary>Fast subscribers in the memory pair (without, then with, the slow one).</summary>
    public int MemorySubscribers { get; init; } = 10;

    public static bool TryParse(string[] args, out FeedOptions options, out string error)
    {
        options = new FeedOptions(TimeSpan.FromSeconds(15), [1, 10, 50]);
        error = "";

        // The smoke sizes first, so that --seconds or --subscribers given with it still win.
        if (args.Contains("--smoke"))
        {
            options = options with
            {
                Smoke = true,
                PhaseLength = TimeSpan.FromSeconds(2),
                SubscriberCounts = [1, 2],
                Rounds = 2,
                WarmUp = TimeSpan.FromSeconds(1),
                BaselineCalls = 100,
                BaselineWarmUpCalls = 20,
                MemorySubscribers = 1,
            };
        }

        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--smoke":
                    break;
                case "--subscribers-apart":
                    options = options with { SubscribersApart = true };
                    break;
                case "--seconds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600:
                    options = options with { PhaseLength = TimeSpan.FromSeconds(seconds) };
                    i++;
                    break;
                case "--rate" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate is >= 1 and <= 10000:
                    options = options with { Rate = rate };
                    i++;
                    break;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds is >= 1 and <= 20:
                    options = options with { Rounds = rounds };
                    i++;
                    break;
                case "--idle-lifetime" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var idle) && idle is >= 1 and <= 3600:
                    options = options with { IdleLifetimeSeconds = idle };
                    i++;
                    break;
                case "--subscribers" when ParseCounts(value) is { } counts:
                    options = options with { SubscriberCounts = counts };
                    i++;
                    break;
                default:
                    error = $"Bad argument {args[i]} {value}: --seconds takes 1–600, --subscribers a comma list of 1–500, --rate 1–10000 writes/s, --rounds 1–20, --idle-lifetime 1–3600 s; --subscribers-apart and --smoke take no value.";
                    return false;
            }
        }

        return true;
    }

    private static int[]? ParseCounts(string? value)
    {
        var counts = new List<int>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 500)
            {
                return null;
            }

            counts.Add(count);
        }

        return counts.Count == 0 ? null : [.. counts];
    }
}
