using System.Globalization;

namespace Interop.Benchmarks;

/// <summary>The command line of the findmatches benchmark.</summary>
internal sealed record FindMatchesOptions(long Applications, int Queries, int Clients, TimeSpan LoadBudget)
{
    public const string Usage =
        "usage: findmatches [--applications 3000000] [--queries 2000] [--clients 4] [--load-minutes 12] [--keep] [--database NAME] [--smoke]";

    /// <summary>
    /// The whole path once, small and fast, for CI (deploy/test.sh): a stock of
    /// a few hundred applications loaded by the same COPY, and a few queries.
    /// Its figures measure nothing; it proves the commands of the README still run.
    /// </summary>
    public bool Smoke { get; init; }

    /// <summary>Queries sent each way before the measurement (JIT, pools, caches), at most <see cref="Queries"/>.</summary>
    public int WarmUpQueries { get; init; } = 400;

    /// <summary>Leave the loaded database in place and print its name.</summary>
    public bool Keep { get; init; }

    /// <summary>Measure again on a database an earlier run kept (its stock is not loaded again).</summary>
    public string? Database { get; init; }

    public static bool TryParse(string[] args, out FindMatchesOptions options, out string error)
    {
        options = new FindMatchesOptions(3_000_000, 2000, 4, TimeSpan.FromMinutes(12));
        error = "";

        // The smoke sizes first, so that options given with it still win. Its
        // stock is below the 1000 --applications accepts: a few hundred rows
        // go through every step of the load in a second.
        if (args.Contains("--smoke"))
        {
            options = options with { Smoke = true, Applications = 300, Queries = 20, Clients = 2, WarmUpQueries = 20, LoadBudget = TimeSpan.FromMinutes(1) };
        }

        for (var i = 1; i < args.Length; i += 2)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            if (args[i] is "--keep" or "--smoke")
            {
                options = args[i] == "--keep" ? options with { Keep = true } : options;
                i--;
                continue;
            }

            switch (args[i])
            {
                case "--database" when value is { Length: > 0 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'):
                    options = options with { Database = value };
                    break;
                case "--applications" when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1000 and <= 50_000_000:
                    options = options with { Applications = n };
                    break;
                case "--queries" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var q) && q is >= 10 and <= 1_000_000:
                    options = options with { Queries = q };
                    break;
                case "--clients" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= 64:
                    options = options with { Clients = c };
                    break;
                case "--load-minutes" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 600:
                    options = options with { LoadBudget = TimeSpan.FromMinutes(m) };
                    break;
                default:
                    error = $"Bad argument {args[i]} {value}: --applications 1000–50000000, --queries 10–1000000, --clients 1–64, --load-minutes 1–600.";
                    return false;
            }
        }

        return true;
    }
}
