using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Grpc.Core;

namespace Interop.Hub.Diagnostics;

/// <summary>
/// The hub's meter, <c>Interop.Hub</c>: what an operator watches (see deploy/README.md for the
/// alerts on them). Counters and histograms are recorded by the code that does the work;
/// gauges are read from the database at each collection (<see cref="DatabaseGauges"/>), so
/// every replica reports the same values and alerts take their maximum. The feed's code reports
/// through <see cref="RecordCommitDelay"/>, <see cref="RecordSequencerDelay"/>, <see cref="RecordFanOutDelay"/>, <see cref="RecordAuditDelay"/>, <see cref="RecordDeliveryDelay"/> and <see cref="RecordDeliveryAfterCommit"/>; the national
/// exchange through <see cref="RecordJobRun"/>.
/// </summary>
/// <remarks>
/// Tags name methods, organisations, subscriptions, départements and outcomes, never people.
/// </remarks>
internal sealed class HubMetrics : IDisposable
{
    public const string MeterName = "Interop.Hub";

    // Process-wide, as .NET meters are: a listener merges same-named instruments of several
    // meters, and one meter disposed with its host would silence the others' (seen with
    // several hubs in one test process). The gauges read every live hub's database.
    private static readonly Meter Meter = new(MeterName);
    private static readonly ConcurrentDictionary<DatabaseGauges, byte> Databases = new();

    private static readonly Counter<long> Calls =
        Meter.CreateCounter<long>("interop.rpc.calls", "{call}", "Calls answered, by method, door and gRPC status");

    private static readonly Histogram<double> CallDuration = Meter.CreateHistogram<double>(
        "interop.rpc.duration", "s", "Duration of unary calls, by method and gRPC status",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    private static readonly Counter<long> DuplicateChecks =
        Meter.CreateCounter<long>("interop.duplicate_checks", "{check}", "Duplicate checks of registrations and identity changes, by outcome");

    private static readonly Counter<long> JobRuns = Meter.CreateCounter<long>("interop.job.runs", "{run}", "Runs of the periodic jobs, by job and outcome");

    private static readonly Counter<long> Rescored =
        Meter.CreateCounter<long>("interop.cotation.rescored", "{score}", "Stored cotation scores written, by trigger (change, publication, refresh)");

    private static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("interop.job.duration", "s", "Duration of the periodic jobs' runs");

    // Fine steps below 100 ms: the feed's stages take milliseconds each, and a p99 read from
    // coarse buckets (5, 10, 25, 50 ms) could not tell which stage holds a delivery back.
    private static readonly double[] FeedDelayBuckets =
        [0.001, 0.002, 0.003, 0.005, 0.0075, 0.01, 0.015, 0.02, 0.03, 0.04, 0.05, 0.075, 0.1, 0.15, 0.2, 0.3, 0.5, 0.75, 1, 2, 5, 30];

    // The feed's delays all start at the change's write (occurred_at, stamped inside its transaction), so that
    // the stages read as one path: committed (writer), numbered (sequencer), read into the shared window (fan-out), its read
    // audited for a stream, written to that stream.
    private static readonly Histogram<double> CommitDelay = Meter.CreateHistogram<double>(
        "interop.feed.commit.delay", "s", "Time from a write's start (the occurred_at its changes carry) to its commit",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    private static readonly Histogram<double> SequencerDelay = Meter.CreateHistogram<double>(
        "interop.feed.sequencer.delay", "s", "Time from a change's write (occurred_at) to the sequencer giving it its change_seq",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    private static readonly Histogram<double> FanOutDelay = Meter.CreateHistogram<double>(
        "interop.feed.fanout.delay", "s", "Time from a change's write (occurred_at) to its page being published in this process' shared window",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    private static readonly Histogram<double> AuditDelay = Meter.CreateHistogram<double>(
        "interop.feed.audit.delay", "s", "Time from a change's write (occurred_at) to the audit of its read by a stream being committed",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    private static readonly Histogram<double> DeliveryDelay = Meter.CreateHistogram<double>(
        "interop.feed.delivery.delay", "s", "Time from a change's write (occurred_at) to its delivery on a stream",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    // Not from occurred_at: from the commit itself, which only the writing process knows (CommitInstants), so
    // this one counts the changes written and delivered by the same process. The target it answers (issue 15:
    // commit → delivery p99 ≤ 50 ms) could otherwise only be bounded by "from the write" and "from the answer".
    private static readonly Histogram<double> DeliveryAfterCommit = Meter.CreateHistogram<double>(
        "interop.feed.delivery.after_commit", "s", "Time from a change's commit to its delivery on a stream, for changes written through this process",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = FeedDelayBuckets });

    private readonly DatabaseGauges database;

    static HubMetrics()
    {
        Meter.CreateObservableGauge("interop.feed.lag", () => Read(g => g.FeedLagChanges()), "{change}", "Changes sequenced after a subscription's checkpoint, by subscription");
        Meter.CreateObservableGauge("interop.feed.lag.age", () => Read(g => g.FeedLagSeconds()), "s", "Age of the oldest change a subscription has not acknowledged, by subscription");
        Meter.CreateObservableGauge("interop.feed.unsequenced", () => Read(g => g.UnsequencedChanges()), "{change}", "Committed changes still waiting for their change_seq");
        Meter.CreateObservableGauge("interop.feed.unsequenced.age", () => Read(g => g.UnsequencedAgeSeconds()), "s", "Age of the oldest change still waiting for its change_seq");
        Meter.CreateObservableGauge(
            "interop.db.oldest_transaction.age", () => Read(g => g.OldestTransactionSeconds()), "s", "Age of the oldest open write transaction on the hub's database (it holds row locks and vacuum back)");
        Meter.CreateObservableGauge("interop.review_queue.size", () => Read(g => g.OpenReviewItems()), "{item}", "Open review items (probable duplicates), by département");
    }

    public HubMetrics(DatabaseGauges database)
    {
        this.database = database;
        Databases.TryAdd(database, 0);
    }

    public void Dispose() => Databases.TryRemove(database, out _);

    /// <summary>A call answered with <paramref name="status"/>; <paramref name="duration"/> is null for streams.</summary>
    public void RecordCall(string fullMethod, string door, StatusCode status, TimeSpan? duration)
    {
        var (service, method) = Split(fullMethod);
        var tags = new TagList
        {
            { "rpc.service", service },
            { "rpc.method", method },
            { "rpc.grpc.status", StatusName(status) },
            { "interop.door", door },
        };
        Calls.Add(1, tags);
        if (duration is { } elapsed)
        {
            CallDuration.Record(elapsed.TotalSeconds, tags);
        }
    }

    /// <summary>A duplicate check of <paramref name="check"/> (<c>registration</c>, <c>update</c>) ended with <paramref name="outcome"/> (<c>none</c>, <c>probable</c>, <c>certain</c>).</summary>
    public void RecordDuplicateCheck(string check, string outcome) =>
        DuplicateChecks.Add(1, new TagList { { "interop.check", check }, { "interop.outcome", outcome } });

    /// <summary>A run of the job <paramref name="job"/> ended (<paramref name="succeeded"/> or not) after <paramref name="duration"/>; for the hub's sweeps and the national exchange.</summary>
    public void RecordJobRun(string job, bool succeeded, TimeSpan duration)
    {
        var tags = new TagList { { "interop.job", job }, { "interop.outcome", succeeded ? "succeeded" : "failed" } };
        JobRuns.Add(1, tags);
        JobDuration.Record(duration.TotalSeconds, tags);
    }

    /// <summary><paramref name="count"/> stored cotation scores written, triggered by <paramref name="trigger"/>.</summary>
    public void RecordRescored(string trigger, int count) => Rescored.Add(count, new TagList { { "interop.trigger", trigger } });

    /// <summary>For the writers: a write that started at its changes' <c>occurred_at</c> committed <paramref name="delay"/> later.</summary>
    public void RecordCommitDelay(TimeSpan delay) => CommitDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the feed's sequencer: a change committed at its <c>occurred_at</c> got its change_seq <paramref name="delay"/> later.</summary>
    public void RecordSequencerDelay(TimeSpan delay) => SequencerDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the feed's fan-out: a change written at its <c>occurred_at</c> was published in this process' window <paramref name="delay"/> later.</summary>
    public void RecordFanOutDelay(TimeSpan delay) => FanOutDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the feed's streams: the read of a change written at its <c>occurred_at</c> was audited <paramref name="delay"/> later.</summary>
    public void RecordAuditDelay(TimeSpan delay) => AuditDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the feed's streams: a change reached a subscriber <paramref name="delay"/> after its commit.</summary>
    public void RecordDeliveryDelay(TimeSpan delay) => DeliveryDelay.Record(Math.Max(0, delay.TotalSeconds));

    /// <summary>For the feed's streams: a change written through this process reached a subscriber <paramref name="delay"/> after its commit.</summary>
    public void RecordDeliveryAfterCommit(TimeSpan delay) => DeliveryAfterCommit.Record(Math.Max(0, delay.TotalSeconds));

    private static IEnumerable<Measurement<T>> Read<T>(Func<DatabaseGauges, IEnumerable<Measurement<T>>> gauge)
        where T : struct =>
        Databases.Keys.SelectMany(gauge).ToList();

    private static (string Service, string Method) Split(string fullMethod)
    {
        var slash = fullMethod.LastIndexOf('/');
        return slash <= 0 ? ("", fullMethod.TrimStart('/')) : (fullMethod[1..slash], fullMethod[(slash + 1)..]);
    }

    // The wire names (INVALID_ARGUMENT), as grpcurl, the error table and the alerts spell them.
    private static string StatusName(StatusCode status) => status switch
    {
        StatusCode.OK => "OK",
        StatusCode.Cancelled => "CANCELLED",
        StatusCode.Unknown => "UNKNOWN",
        StatusCode.InvalidArgument => "INVALID_ARGUMENT",
        StatusCode.DeadlineExceeded => "DEADLINE_EXCEEDED",
        StatusCode.NotFound => "NOT_FOUND",
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.PermissionDenied => "PERMISSION_DENIED",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.Aborted => "ABORTED",
        StatusCode.OutOfRange => "OUT_OF_RANGE",
        StatusCode.Unimplemented => "UNIMPLEMENTED",
        StatusCode.Internal => "INTERNAL",
        StatusCode.Unavailable => "UNAVAILABLE",
        StatusCode.DataLoss => "DATA_LOSS",
        StatusCode.Unauthenticated => "UNAUTHENTICATED",
        _ => ((int)status).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
