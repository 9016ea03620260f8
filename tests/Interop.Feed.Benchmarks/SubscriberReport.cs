namespace Interop.Feed.Benchmarks;

/// <summary>
/// A <see cref="SubscriberTally"/> as the subscriber process sends it: the same counts, latencies and arrivals, the
/// arrivals as parallel arrays and instants as UTC ticks, so that the benchmark computes every figure from them
/// exactly as it does for subscribers in its own process (both processes read the same machine's clock).
/// </summary>
internal sealed record SubscriberReport(
    long Changes, long Duplicates, long Missing, long Bytes, long LastDeliveryTicks,
    double[] LatenciesMs, string[] Applications, long[] ChangeSeqs, long[] ArrivedTicks)
{
    public static SubscriberReport Of(SubscriberTally tally) => new(
        tally.Changes, tally.Duplicates, tally.Missing, tally.Bytes, tally.LastDelivery.Ticks,
        [.. tally.LatenciesMs],
        [.. tally.Arrivals.Select(a => a.Application)],
        [.. tally.Arrivals.Select(a => a.ChangeSeq)],
        [.. tally.Arrivals.Select(a => a.At.Ticks)]);

    public SubscriberTally ToTally()
    {
        if (Applications.Length != ChangeSeqs.Length || Applications.Length != ArrivedTicks.Length)
        {
            throw new InvalidOperationException("a subscriber report's arrivals do not line up");
        }

        var arrivals = Applications.Select((application, i) => (application, ChangeSeqs[i], new DateTime(ArrivedTicks[i], DateTimeKind.Utc))).ToList();
        return new SubscriberTally(Changes, Duplicates, Missing, Bytes, new DateTime(LastDeliveryTicks, DateTimeKind.Utc), [.. LatenciesMs], arrivals);
    }
}
