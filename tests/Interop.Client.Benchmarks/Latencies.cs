using System.Globalization;

namespace Interop.Client.Benchmarks;

/// <summary>The timed calls of one side over all its slices: count, time spent, percentiles.</summary>
internal sealed class Latencies
{
    private readonly List<double> milliseconds = [];
    private bool sorted;

    public int Count => milliseconds.Count;

    public TimeSpan Elapsed { get; private set; }

    public double PerSecond => Count / Math.Max(Elapsed.TotalSeconds, 0.001);

    /// <summary>CPU time this program (the client side only: the hub is another process) spent during the slices.</summary>
    public TimeSpan ClientCpu { get; private set; }

    /// <summary>Client CPU per call, in microseconds: what a client stack costs, free of the round trip's noise.</summary>
    public double ClientCpuMicrosecondsPerCall => ClientCpu.TotalMicroseconds / Math.Max(Count, 1);

    public void Add(IEnumerable<double> calls, TimeSpan elapsed, TimeSpan clientCpu)
    {
        milliseconds.AddRange(calls);
        Elapsed += elapsed;
        ClientCpu += clientCpu;
        sorted = false;
    }

    /// <summary>The nearest-rank percentile, in milliseconds.</summary>
    public double Percentile(double p)
    {
        if (milliseconds.Count == 0)
        {
            return double.NaN;
        }

        if (!sorted)
        {
            milliseconds.Sort();
            sorted = true;
        }

        var index = (int)Math.Ceiling(p / 100 * milliseconds.Count) - 1;
        return milliseconds[Math.Clamp(index, 0, milliseconds.Count - 1)];
    }

    public string Ms(double p) => Percentile(p).ToString(Percentile(p) < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
}
