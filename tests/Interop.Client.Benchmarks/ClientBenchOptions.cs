using System.Globalization;

namespace Interop.Client.Benchmarks;

/// <summary>The command line of the client and HTTP/JSON benchmark.</summary>
internal sealed record ClientBenchOptions
{
    public const string Usage = "usage: [--slice-seconds 2] [--rounds 6] [--clients 1,8] [--smoke]";

    /// <summary>How long one side runs before the other takes its turn.</summary>
    public TimeSpan Slice { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How many turns each side gets per measurement: each side is measured for rounds × slice.</summary>
    public int Rounds { get; init; } = 6;

    /// <summary>Concurrent clients of the registration throughput comparison (each on its own connection).</summary>
    public IReadOnlyList<int> Clients { get; init; } = [1, 8];

    /// <summary>The warm-up runs at least this long, then until the JIT of the hub and of this program is quiet...</summary>
    public TimeSpan WarmUpMinimum { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>...but never longer than this.</summary>
    public TimeSpan WarmUpMaximum { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Calls per batch of the in-process comparison (no socket), 5 batches per side after one of warm-up.</summary>
    public int InProcessCallsPerBatch { get; init; } = 20_000;

    /// <summary>
    /// The whole path once, small and fast, for CI (deploy/test.sh): 1-s
    /// slices, one round, a 1-s warm-up. Its figures measure nothing; it proves
    /// that every call of every side still succeeds.
    /// </summary>
    public bool Smoke { get; init; }

    public static bool TryParse(string[] args, out ClientBenchOptions options, out string error)
    {
        options = new ClientBenchOptions();
        error = "";

        // The smoke sizes first, so that other options given with it still win.
        if (args.Contains("--smoke"))
        {
            options = options with
            {
                Smoke = true,
                Slice = TimeSpan.FromSeconds(1),
                Rounds = 1,
                WarmUpMinimum = TimeSpan.FromSeconds(1),
                WarmUpMaximum = TimeSpan.FromSeconds(1),
                InProcessCallsPerBatch = 500,
            };
        }

        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--smoke":
                    continue;
                case "--slice-seconds" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds > 0:
                    options = options with { Slice = TimeSpan.FromSeconds(seconds) };
                    break;
                case "--rounds" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var rounds) && rounds > 0:
                    options = options with { Rounds = rounds };
                    break;
                case "--clients" when ParseCounts(value) is { } counts:
                    options = options with { Clients = counts };
                    break;
                default:
                    error = $"unknown or invalid argument '{args[i]}'";
                    return false;
            }

            i++;
        }

        return true;
    }

    private static List<int>? ParseCounts(string? value)
    {
        var counts = new List<int>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > 50)
            {
                return null;
            }

            counts.Add(count);
        }

        return counts.Count > 0 ? counts : null;
    }
}
