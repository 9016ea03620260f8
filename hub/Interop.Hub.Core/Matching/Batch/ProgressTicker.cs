namespace Interop.Hub.Core.Matching.Batch;

/// <summary>Reports a stage's progress from many threads, at most five times a second.</summary>
internal sealed class ProgressTicker(IProgress<BatchProgress>? progress, string stage, long total)
{
    private readonly Lock gate = new();
    private long done;
    private long lastReport;

    public void Add(long amount)
    {
        var now = Interlocked.Add(ref done, amount);
        if (progress is null)
        {
            return;
        }

        var tick = Environment.TickCount64;
        if (tick - Interlocked.Read(ref lastReport) < 200)
        {
            return;
        }

        lock (gate)
        {
            if (tick - lastReport < 200)
            {
                return;
            }

            lastReport = tick;
            progress.Report(new BatchProgress(stage, now, total));
        }
    }

    public void Finish() => progress?.Report(new BatchProgress(stage, total, total));
}
