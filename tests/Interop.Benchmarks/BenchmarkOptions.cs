using System.Globalization;

namespace Interop.Benchmarks;

/// <summary>The command line of the registrations benchmark.</summary>
internal sealed record BenchmarkOptions(TimeSpan Duration, IReadOnlyList<int> ClientCounts)
{
    public const string Usage = "usage: registrations [--seconds 10] [--clients 1,8,32]";

    // Each client holds one pooled connection while it registers; the hub's and
    // the direct run's Npgsql pools default to 100, beyond which clients would
    // queue inside the pool and measure that instead.
    private const int MaxClients = 100;

    public static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(2);

    public static bool TryParse(string[] args, out BenchmarkOptions options, out string error)
    {
        options = new BenchmarkOptions(TimeSpan.FromSeconds(10), [1, 8, 32]);
        error = "";
        if (args.Length == 0 || args[0] != "registrations")
        {
            error = "The only benchmark is `registrations`.";
            return false;
        }

        for (var i = 1; i < args.Length; i += 2)
        {
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
                    error = $"Bad argument {args[i]} {value}: --seconds takes 1–600, --clients a comma list of 1–{MaxClients}.";
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
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > MaxClients)
            {
                return null;
            }

            counts.Add(count);
        }

        return [.. counts.Distinct()];
    }
}
