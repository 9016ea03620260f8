namespace Interop.Benchmarks;

/// <summary>Successful registrations of one target in one scenario: how many per second, and how long each took.</summary>
internal sealed record LoadResult(int Successes, TimeSpan Elapsed, TimeSpan P50, TimeSpan P99)
{
    public double PerSecond => Successes / Elapsed.TotalSeconds;

    /// <summary>Pools the slices of a scenario, as if they were one run as long as all of them.</summary>
    public static LoadResult From(IReadOnlyCollection<LoadSample> slices)
    {
        var all = slices.SelectMany(slice => slice.Latencies).Order().ToArray();
        var elapsed = slices.Aggregate(TimeSpan.Zero, (sum, slice) => sum + slice.Elapsed);
        return new LoadResult(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>Nearest rank: the smallest latency that at least <paramref name="fraction"/> of the calls did not exceed.</summary>
    private static TimeSpan Percentile(TimeSpan[] sorted, double fraction) =>
        sorted.Length == 0 ? TimeSpan.Zero : sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];
}
