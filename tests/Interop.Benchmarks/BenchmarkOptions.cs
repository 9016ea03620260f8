using System.Globalization;

namespace Interop.Benchmarks;

/// <summary>The command line of the registrations benchmark.</summary>
internal sealed record BenchmarkOptions(TimeSpan Duration, IReadOnlyList<int> ClientCounts)
{
    public const string Usage = "usage: registrations [--seconds 10] [--clients 1,8,32] [--smoke]";

    // The hub and the direct writer take turns in slices of about this length.
    private static readonly TimeSpan Slice = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The whole path once, small and fast, for CI (deploy/test.sh): one 1-s
    /// slice per target, one client, warm-ups cut to a second. Its figures
    /// measure nothing; it proves the commands of the README still run.
    /// </summary>
    public bool Smoke { get; init; }

    /// <summary>Load on the freshly started hub before anything is measured, until its JIT settles (see <see cref="JitWarmUp"/>).</summary>
    public (TimeSpan Minimum, TimeSpan Maximum) HubWarmUp { get; init; } = (TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30));

    /// <summary>The same for this process's own Npgsql path, which has far less code to compile.</summary>
    public (TimeSpan Minimum, TimeSpan Maximum) DirectWarmUp { get; init; } = (TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(15));

    /// <summary>Before each measurement: opens the scenario's new channels and pooled connections.</summary>
    public TimeSpan ScenarioWarmUp { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How many turns each target gets in a scenario; together they last <see cref="Duration"/>.</summary>
    public int Rounds => Math.Max(1, (int)Math.Round(Duration / Slice));

    public static bool TryParse(string[] args, out BenchmarkOptions options, out string error)
    {
        options = new BenchmarkOptions(TimeSpan.FromSeconds(10), [1, 8, 32]);
        error = "";
        if (args.Length == 0 || args[0] != "registrations")
        {
            error = "The benchmarks are `registrations`, `fresh` and `findmatches`.";
            return false;
        }

        // The smoke sizes first, so that --seconds or --clients given with it still win.
        if (args.Contains("--smoke"))
        {
            options = options with
            {
                Smoke = true,
                Duration = TimeSpan.FromSeconds(1),
                ClientCounts = [1],
                HubWarmUp = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
                DirectWarmUp = (TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)),
                ScenarioWarmUp = TimeSpan.FromSeconds(0.5),
            };
        }

        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] == "--smoke")
            {
                i--;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--seconds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds is >= 1 and <= 600:
                    options = options with { Duration = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--clients" when ParseCounts(value) is { } counts:
                    options = options with { ClientCounts = counts };
                    break;
                default:
                    error = $"Bad argument {args[i]} {value}: --seconds takes 1–600, --clients a comma list of 1–{BenchmarkDesks.MaxClients}.";
                    return false;
            }
        }

        return true;
    }

    private static int[]? ParseCounts(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var counts = new List<int>();
        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > BenchmarkDesks.MaxClients)
            {
                return null;
            }

            counts.Add(count);
        }

        return [.. counts.Distinct()];
    }
}
