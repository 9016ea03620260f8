using System.Diagnostics;
using Interop.NationalExchange.Progress;

namespace Interop.NationalExchange.Benchmarks;

/// <summary>
/// Passes the run's progress on to the bar, and takes the process's memory when the run crosses
/// 10 %, 50 % and 100 %, and at the end of the run: the managed heap, the working set and its peak so far.
/// </summary>
internal sealed class MemoryProbe(IProgress<ExchangeProgress> bar) : IProgress<ExchangeProgress>
{
    private static readonly int[] Marks = [10, 50, 100];
    private int next;

    public List<MemorySample> Samples { get; } = [];

    /// <summary>
    /// The last sample, once the run has returned: after what follows its 100 % (the export's
    /// schema validation, hash and rename; nothing for the import but the commit), so the peak
    /// working set covers the whole run.
    /// </summary>
    public void Finish(long done)
    {
        using var process = Process.GetCurrentProcess();
        Samples.Add(new MemorySample(101, done, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.PeakWorkingSet64));
    }

    public void Report(ExchangeProgress value)
    {
        bar.Report(value);
        while (next < Marks.Length && value.Fraction * 100 >= Marks[next])
        {
            using var process = Process.GetCurrentProcess();
            Samples.Add(new MemorySample(Marks[next], value.Done, GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.PeakWorkingSet64));
            next++;
        }
    }
}

/// <summary>The memory at a mark of a run; bytes.</summary>
internal sealed record MemorySample(int Percent, long Done, long GcHeap, long WorkingSet, long PeakWorkingSet);
