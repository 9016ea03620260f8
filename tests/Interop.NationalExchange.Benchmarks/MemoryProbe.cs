using System.Diagnostics;
using Interop.NationalExchange.Progress;

namespace Interop.NationalExchange.Benchmarks;

/// <summary>
/// Passes the run's progress on to the bar, and takes the process's memory when the run crosses
/// 10 %, 50 % and 100 %: the managed heap, the working set and its peak so far.
/// </summary>
internal sealed class MemoryProbe(IProgress<ExchangeProgress> bar) : IProgress<ExchangeProgress>
{
    private static readonly int[] Marks = [10, 50, 100];
    private int next;

    public List<MemorySample> Samples { get; } = [];

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
