namespace Interop.Feed.Benchmarks;

/// <summary>One phase's figures: the writes, what each subscriber received, the other client's unary calls, the hub's memory.</summary>
/// <param name="P50">change_time → delivery (an upper bound of commit → delivery: change_time is stamped when the write begins).</param>
/// <param name="AckP50">Writer's answer → delivery (a lower bound: the commit happened before the answer).</param>
/// <param name="CommitP50">PostgreSQL's commit of the change → delivery, per change and subscriber (NaN when commit timestamps are off).</param>
/// <param name="Stages">The hub's feed histograms recorded during the phase (where the time goes inside the hub).</param>
/// <param name="Cpu">CPU time used during the phase's writes and delivery, by process.</param>
internal sealed record Phase(
    string Label, int Subscribers, WriteResult Writes, long Expected, List<SubscriberTally> Tallies, SubscriberTally? Slow,
    double PerSubscriberRate, double MinRatio, double P50, double P99, double AckP50, double AckP99, double CommitP50, double CommitP99, List<double> UnaryMs,
    double StartRssMiB, double PeakRssMiB, double EndRssMiB, FeedStages Stages, CpuTimes Cpu)
{
    // A failed write is a defect too: the writers' calls are all valid registrations.
    public bool Complete =>
        Writes.Failed == 0 && Writes.Committed == Expected && Tallies.All(t => t.Changes == Expected && t.Duplicates == 0 && t.Missing == 0);

    public double MeanMessageBytes => Tallies.Sum(t => (double)t.Bytes) / Math.Max(1, Tallies.Sum(t => t.Changes));

    /// <summary>Commit → written to the stream, p50 and p99 in ms, from the hub's own commit instants.</summary>
    public double WrittenP50 => Stages.PercentileMs(FeedStages.AfterCommit, 50);

    public double WrittenP99 => Stages.PercentileMs(FeedStages.AfterCommit, 99);

    public double UnaryP50 => Stats.Percentile(UnaryMs, 50);

    public double UnaryP99 => Stats.Percentile(UnaryMs, 99);

    public string Verdict => Complete
        ? Subscribers == 0 ? $"yes ({Expected} written, no subscriber)" : $"yes ({Expected}/{Expected} each)"
        : $"NO: expected {Expected} (committed {Writes.Committed}, failed {Writes.Failed}), received min {(Tallies.Count == 0 ? 0 : Tallies.Min(t => t.Changes))}, duplicates {Tallies.Sum(t => t.Duplicates)}, gaps {Tallies.Sum(t => t.Missing)}";
}
