namespace Interop.Benchmarks;

/// <summary>How a warm-up ended: after how long, whether the JIT had settled, and how many registrations failed meanwhile.</summary>
internal sealed record WarmUpOutcome(TimeSpan Length, bool Settled, int Failures)
{
    public string Describe() =>
        Settled
            ? $"JIT settled after {Length.TotalSeconds:0} s"
            : $"JIT still compiling after {Length.TotalSeconds:0} s: the figures may be low";
}
