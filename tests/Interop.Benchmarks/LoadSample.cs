namespace Interop.Benchmarks;

/// <summary>What one timed slice of closed-loop load gave: the latency of each successful call, and the slice's length.</summary>
internal sealed record LoadSample(IReadOnlyList<TimeSpan> Latencies, TimeSpan Elapsed)
{
    public int Successes => Latencies.Count;

    public double PerSecond => Successes / Elapsed.TotalSeconds;
}
