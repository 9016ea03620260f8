using System.Globalization;

namespace Interop.Benchmarks;

/// <summary>The command line of the fresh-registry benchmark.</summary>
internal sealed record FreshRegistryOptions(int Applications, int Clients, int Bin)
{
    public const string Usage = "usage: fresh [--applications 3000] [--clients 4] [--bin 500] [--warm-hub] [--smoke]";

    /// <summary>
    /// Warm the hub's JIT first, then empty its tables and forget their statistics, so the
    /// bins show what the database's first minutes cost without the JIT's.
    /// </summary>
    public bool WarmHub { get; init; }

    /// <summary>The whole path once on 200 applications in bins of 50, for CI (deploy/test.sh); its figures measure nothing.</summary>
    public bool Smoke { get; init; }

    public static bool TryParse(string[] args, out FreshRegistryOptions options, out string error)
    {
        options = new FreshRegistryOptions(3000, 4, 500);
        error = "";
        if (args.Length == 0 || args[0] != "fresh")
        {
            error = "The benchmarks are `registrations`, `fresh` and `findmatches`.";
            return false;
        }

        // The smoke sizes first, so that options given with it still win.
        if (args.Contains("--smoke"))
        {
            options = options with { Smoke = true, Applications = 200, Clients = 2, Bin = 50 };
        }

        for (var i = 1; i < args.Length; i += 2)
        {
            if (args[i] is "--smoke" or "--warm-hub")
            {
                options = args[i] == "--warm-hub" ? options with { WarmHub = true } : options;
                i--;
                continue;
            }

            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--applications" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 10 and <= 1_000_000:
                    options = options with { Applications = n };
                    break;
                case "--clients" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 1 and <= BenchmarkDesks.MaxClients:
                    options = options with { Clients = c };
                    break;
                case "--bin" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var b) && b >= 10:
                    options = options with { Bin = b };
                    break;
                default:
                    error = $"Bad argument {args[i]} {value}: --applications takes 10–1000000, --clients 1–{BenchmarkDesks.MaxClients}, --bin 10 or more.";
                    return false;
            }
        }

        if (options.Bin > options.Applications)
        {
            error = "--bin must not exceed --applications.";
            return false;
        }

        return true;
    }
}
