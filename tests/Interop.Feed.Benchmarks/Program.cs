using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Feed.Benchmarks;
using Interop.Testing;
using Npgsql;

// Entry point: `dotnet run -c Release --project tests/Interop.Feed.Benchmarks -- [--seconds 15] [--subscribers 1,10,50] [--subscribers-apart] [--smoke]` (`--help` lists every option).
// Needs INTEROP_TEST_POSTGRES (an admin connection string). Exit codes: 0 every
// write succeeded and every change was delivered once and in order, 1
// otherwise, 2 bad arguments. `--smoke` runs every phase once on tiny sizes
// (deploy/test.sh does, so the command never rots). The issue-15 targets are
// printed, met or not; they do not change the exit code (figures on a shared
// machine are not a pass/fail test).
if (args is [UnaryProbe.Argument, ..])
{
    return await UnaryProbe.MainAsync(args);
}

if (args is [SubscriberHost.Argument, ..])
{
    return await SubscriberHost.MainAsync(args);
}

if (args is ["--help" or "-h"])
{
    Console.WriteLine(FeedOptions.Usage);
    Console.WriteLine(FeedOptions.Help);
    return 0;
}

if (!FeedOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(FeedOptions.Usage);
    return 2;
}

const int WriterClients = 4;

// "Other clients not slowed", as a ratio of their latency with the most subscribers to without any: at most a
// tenth more. The rounds' A/A column (the same phase measured twice) shows what this machine's noise is beside it.
const double NotSlowed = 1.10;
var memorySubscribers = options.MemorySubscribers;
var slowPause = TimeSpan.FromMilliseconds(100);
var duration = options.PhaseLength;
var seconds = duration.TotalSeconds;
var counts = options.SubscriberCounts;
var inv = CultureInfo.InvariantCulture;

// The hub gets Npgsql's own pool settings, as in production. The tests' database strings close
// idle connections after 2 s (hundreds of test databases would exhaust max_connections otherwise):
// a hub with that setting opened a new PostgreSQL backend for most bursts of work (518 in one run,
// most of PostgreSQL's CPU per write, growing with the subscribers), which no deployment does.
var connectionString = new NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync("feedbench"))
{
    ConnectionIdleLifetime = options.IdleLifetimeSeconds,
    ConnectionPruningInterval = Math.Min(10, options.IdleLifetimeSeconds),
}.ConnectionString;
var metricsPort = FeedStages.FreePort();
await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
{
    ["Interop__RateLimitPerSecond"] = "100000",
    ["Interop__RateLimitBurst"] = "100000",
    // The hub's own feed histograms give the breakdown of each phase (scraped at its end).
    ["Interop__Telemetry__MetricsUrl"] = $"http://127.0.0.1:{metricsPort}",
});
var memory = new HubMemory(hub);
var commitTimestamps = await CommitTimes.TrackedAsync(connectionString);
using var scraper = new HttpClient();
var metricsAddress = new Uri($"http://127.0.0.1:{metricsPort}/metrics");
var stages = await FeedStages.ScrapeAsync(scraper, metricsAddress);
int postmaster;
await using (var probe = new Npgsql.NpgsqlConnection(connectionString))
{
    await probe.OpenAsync();
    await using var backend = new Npgsql.NpgsqlCommand("SELECT pg_backend_pid()", probe);
    postmaster = CpuTimes.ParentOf((int)(await backend.ExecuteScalarAsync())!);
}

Console.WriteLine($"hub pid {memory.Pid} at {hub.Address}; {Environment.ProcessorCount} cores; {WriterClients} writer clients ({(options.Rate is { } offered ? $"paced to {offered} writes/s together" : "closed loop")}); {seconds} s per phase; hub pool idle lifetime {options.IdleLifetimeSeconds} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
Console.WriteLine(options.SubscribersApart
    ? $"subscribers in a process of their own at nice {SubscriberProcess.Niceness} (--subscribers-apart): the benchmark's process keeps the writers"
    : "subscribers in the benchmark's process, beside the writers (--subscribers-apart runs them in a process of their own)");
Console.WriteLine(commitTimestamps
    ? "commit → delivery from PostgreSQL's commit timestamps (track_commit_timestamp on)"
    : "track_commit_timestamp is off: commit → delivery at the subscriber is not measured (start the cluster with `pg_start_throwaway --commit-timestamps`); the hub's commit → written stands in");

var channels = new List<GrpcChannel>();
GrpcChannel NewChannel()
{
    var channel = GrpcChannel.ForAddress(hub.Address);
    channels.Add(channel);
    return channel;
}

var setup = NewChannel();
var landlordKey = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("bench-landlord", OrganizationKind.Landlord, stock: ["14118"], desks: ["B0001"]));
var prefectureKey = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
var writerCalls = Enumerable.Range(0, WriterClients).Select(_ => ApiKeyCredentials.Over(NewChannel(), landlordKey)).ToList();
// The other client: unary calls on a connection of its own, subscriber organisation.
var probeCalls = ApiKeyCredentials.Over(NewChannel(), prefectureKey);
// Subscribers follow the feed through the client library, as integrators do,
// on 2 connections (one InteropClient each).
using var subscribersA = new InteropClient(hub.Address, prefectureKey);
using var subscribersB = new InteropClient(hub.Address, prefectureKey);
InteropClient[] subscriberClients = [subscribersA, subscribersB];
// The slow subscriber has a connection of its own, so that only its stream's
// HTTP/2 window fills up.
using var slowClient = new InteropClient(hub.Address, prefectureKey);
// With --subscribers-apart, one process runs every phase's subscribers on connections of its own, the same way.
await using var subscriberProcess = options.SubscribersApart ? SubscriberProcess.Start(hub.Address, prefectureKey) : null;

var exitCode = 0;
string probeTarget = "";
try
{
    var landlord = new RegistryService.RegistryServiceClient(writerCalls[0]);
    probeTarget = (await landlord.CreateApplicationAsync(TestApplications.Create("B0001"))).Application.Name;

    // Warm-up (JIT, pools): its figures are not reported, but its delivery is checked like any other phase's.
    var warm = await RunPhaseAsync("warm", 1, false, options.WarmUp);
    if (!warm.Complete)
    {
        exitCode = 1;
    }

    // Baseline: the same unary GetApplication round trip, idle hub.
    var unary = new List<double>();
    var reader = new RegistryService.RegistryServiceClient(probeCalls);
    for (var i = 0; i < options.BaselineWarmUpCalls + options.BaselineCalls; i++)
    {
        var clock = Stopwatch.StartNew();
        await reader.GetApplicationAsync(new GetApplicationRequest { Name = probeTarget });
        if (i >= options.BaselineWarmUpCalls)
        {
            unary.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    var idleP50 = Stats.Percentile(unary, 50);
    var idleP99 = Stats.Percentile(unary, 99);
    Console.WriteLine(string.Create(inv, $"baseline: unary GetApplication round trip p50 {idleP50:F2} ms, p99 {idleP99:F2} ms ({options.BaselineCalls} calls, idle hub)"));
    Console.WriteLine();

    // Writers alone first: the write rate and the other client's unary p99 "without subscribers".
    var results = new List<Phase> { await RunPhaseAsync("s0", 0, false, duration) };
    foreach (var count in counts)
    {
        results.Add(await RunPhaseAsync($"s{count}", count, false, duration));
    }

    // Further rounds of the comparison (--rounds): 0, 1 and the most subscribers again, one after the other,
    // then the writers alone once more to close the last round (each round is bracketed by two phases
    // without subscribers; see Round).
    var mostCount = counts.Max();
    var rounds = new List<Round>();
    if (options.Rounds > 1 && results.FirstOrDefault(p => p.Subscribers == 1) is { } firstOne && mostCount > 1)
    {
        var (alone, single, most) = (results[0], firstOne, results.Last(p => p.Subscribers == mostCount));
        for (var round = 2; round <= options.Rounds + 1; round++)
        {
            var after = await RunPhaseAsync($"r{round}s0", 0, false, duration);
            exitCode = after.Complete ? exitCode : 1;
            rounds.Add(new Round(alone, single, most, after));
            if (round > options.Rounds)
            {
                break;
            }

            alone = after;
            single = await RunPhaseAsync($"r{round}s1", 1, false, duration);
            most = await RunPhaseAsync($"r{round}s{mostCount}", mostCount, false, duration);
            exitCode = single.Complete && most.Complete ? exitCode : 1;
        }
    }

    var withoutSlow = await RunPhaseAsync("m0", memorySubscribers, false, duration);
    var withSlow = await RunPhaseAsync("m1", memorySubscribers, true, duration);

    if (options.Smoke)
    {
        Console.WriteLine("Smoke run (--smoke): 2-s phases, one and two subscribers; these figures are not a measurement.");
    }

    var none = results[0];
    var one = results.FirstOrDefault(p => p.Subscribers == 1);
    Console.WriteLine("| subscribers | writes committed | writes/s | ÷ rate with 1 | create p50 ms | delivered ÷ written | all delivered once, in order | commit→delivery p50 / p99 ms | commit→written to the stream (hub) p50 / p99 ms | change_time→delivery p50 / p99 ms | answer→delivery p50 / p99 ms | other client's unary p50 / p99 ms | unary p99 ÷ without subscribers | commit→delivery p99 ÷ unary p99 without | hub peak RSS MiB |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    foreach (var phase in results.Append(withoutSlow).Append(withSlow))
    {
        var label = phase.Label switch
        {
            "m0" => $"{phase.Subscribers} (memory, no slow)",
            "m1" => $"{phase.Subscribers} + 1 slow",
            _ => phase.Subscribers.ToString(inv),
        };
        var delivery = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{phase.P50:F1} / {phase.P99:F1}");
        var answer = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{phase.AckP50:F1} / {phase.AckP99:F1}");
        var commit = phase.Subscribers == 0 || double.IsNaN(phase.CommitP99) ? "–" : string.Create(inv, $"{phase.CommitP50:F1} / {phase.CommitP99:F1}");
        var written = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{phase.WrittenP50:F1} / {phase.WrittenP99:F1}");
        var ratio = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{DirectP99(phase) / none.UnaryP99:F2}×");
        var delivered = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{phase.PerSubscriberRate / phase.Writes.PerSecond:F3} (min {phase.MinRatio:F3})");
        var perOne = one is null ? "–" : string.Create(inv, $"{phase.Writes.PerSecond / one.Writes.PerSecond:F2}");
        Console.WriteLine(string.Create(inv,
            $"| {label} | {phase.Writes.Committed} | {phase.Writes.PerSecond:F0} | {perOne} | {Stats.Percentile(phase.Writes.LatenciesMs, 50):F2} | {delivered} | {phase.Verdict} | {commit} | {written} | {delivery} | {answer} | {phase.UnaryP50:F1} / {phase.UnaryP99:F1} | {phase.UnaryP99 / none.UnaryP99:F2}× | {ratio} | {phase.PeakRssMiB:F0} |"));
        if (!phase.Complete)
        {
            exitCode = 1;
        }
    }

    Console.WriteLine();
    PrintBreakdown(results.Append(withoutSlow).Append(withSlow).ToList());
    Console.WriteLine();
    PrintTargets(results, none, one);
    if (rounds.Count > 1)
    {
        Console.WriteLine();
        PrintRounds(rounds);
    }

    Console.WriteLine();
    var slow = withSlow.Slow!;
    var meanMessage = withSlow.MeanMessageBytes;
    var backlog = withSlow.Expected - slow.Changes;
    Console.WriteLine(string.Create(inv, $"slow subscriber (reads one change, then sleeps {slowPause.TotalMilliseconds:F0} ms): received {slow.Changes} of {withSlow.Expected} changes by the end of the phase, {backlog} behind"));
    Console.WriteLine(string.Create(inv, $"  buffering that backlog would take ≈ {backlog * meanMessage / 1048576.0:F1} MiB ({meanMessage:F0} B per change message); the ≥ 50 MiB case is Interop.Hub.Tests' SlowSubscriberTests"));
    Console.WriteLine(string.Create(inv, $"hub RSS, {memorySubscribers} subscribers without the slow one: start {withoutSlow.StartRssMiB:F0} MiB, peak {withoutSlow.PeakRssMiB:F0} MiB, after drain {withoutSlow.EndRssMiB:F0} MiB"));
    Console.WriteLine(string.Create(inv, $"hub RSS, {memorySubscribers} subscribers + the slow one:    start {withSlow.StartRssMiB:F0} MiB, peak {withSlow.PeakRssMiB:F0} MiB, after drain {withSlow.EndRssMiB:F0} MiB (slow stream still open)"));
    Console.WriteLine(string.Create(inv, $"  peak with ÷ peak without: {withSlow.PeakRssMiB / withoutSlow.PeakRssMiB:F3}; peak difference {withSlow.PeakRssMiB - withoutSlow.PeakRssMiB:+0;-0} MiB vs ≈ {backlog * meanMessage / 1048576.0:F1} MiB of backlog"));
    Console.WriteLine($"load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
}
finally
{
    foreach (var channel in channels)
    {
        channel.Dispose();
    }
}

Console.WriteLine(exitCode == 0
    ? "Every write succeeded; every subscriber received every change once and in order."
    : "FAILED: a write failed, or a subscriber missed, repeated or reordered a change (see the phase lines above).");
return exitCode;

// Where the time goes: each stage from the change's write (occurred_at), inside the hub (its histograms,
// bucketed: read them to a few ms) and at the subscriber; then who spent the CPU, per committed write.
void PrintBreakdown(List<Phase> phases)
{
    Console.WriteLine("where the time goes (ms from the change's write, p50 / p99; hub stages from its histograms) and CPU per committed write:");
    var cpuColumns = options.SubscribersApart ? "hub / benchmark (writers) / subscriber process / PostgreSQL" : "hub / benchmark clients / PostgreSQL";
    Console.WriteLine($"| subscribers | {string.Join(" | ", FeedStages.Stages.Select(s => $"→ {s.Label}"))} | → received by the subscriber | written → received (difference of the two) | CPU ms per write: {cpuColumns} |");
    Console.WriteLine($"|---:|{string.Concat(FeedStages.Stages.Select(_ => "---:|"))}---:|---:|---:|");
    foreach (var phase in phases)
    {
        var label = phase.Label switch
        {
            "m0" => $"{phase.Subscribers} (memory, no slow)",
            "m1" => $"{phase.Subscribers} + 1 slow",
            _ => phase.Subscribers.ToString(inv),
        };
        var cells = FeedStages.Stages.Select(s => phase.Stages.Count(s.Metric) == 0
            ? "–"
            : string.Create(inv, $"{phase.Stages.PercentileMs(s.Metric, 50):F1} / {phase.Stages.PercentileMs(s.Metric, 99):F1}"));
        var received = phase.Subscribers == 0 ? "–" : string.Create(inv, $"{phase.P50:F1} / {phase.P99:F1}");
        const string WrittenStage = "interop_feed_delivery_delay_seconds";
        var hop = phase.Subscribers == 0 ? "–" : string.Create(
            inv, $"{phase.P50 - phase.Stages.PercentileMs(WrittenStage, 50):F1} / {phase.P99 - phase.Stages.PercentileMs(WrittenStage, 99):F1}");
        var writes = Math.Max(1, phase.Writes.Committed);
        var subscriberCpu = options.SubscribersApart ? string.Create(inv, $" / {phase.Cpu.SubscriberSeconds * 1000 / writes:F1}") : "";
        Console.WriteLine(string.Create(inv,
            $"| {label} | {string.Join(" | ", cells)} | {received} | {hop} | {phase.Cpu.HubSeconds * 1000 / writes:F1} / {phase.Cpu.ClientSeconds * 1000 / writes:F1}{subscriberCpu} / {phase.Cpu.PostgresSeconds * 1000 / writes:F1} |"));
    }
}

// Each round's comparison, and the median of each ratio over the rounds: what the targets are judged on when
// --rounds is given, since one round's ratios move with the machine by as much as the targets' margins.
void PrintRounds(List<Round> all)
{
    var most = all[0].Most.Subscribers;
    Console.WriteLine(string.Create(inv, $"rounds (0, 1, {most} subscribers, 0 again, one after the other; \"without\" is both phases without subscribers together; ratios within each round):"));
    Console.WriteLine($"| round | writes/s with 0 / 1 / {most} / 0 | write rate {most} ÷ 1 | commit→delivery p99 ms at {most} | ÷ unary p99 without | other client's unary p99 ms without / with {most} | p99 {most} ÷ without | p50 {most} ÷ without | p99 1 ÷ without | A/A: second 0 ÷ first 0, p99 / p50 |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (var i = 0; i < all.Count; i++)
    {
        var r = all[i];
        Console.WriteLine(string.Create(inv,
            $"| {i + 1} | {r.None.Writes.PerSecond:F0} / {r.One.Writes.PerSecond:F0} / {r.Most.Writes.PerSecond:F0} / {r.After.Writes.PerSecond:F0} | {r.RateRatio:F2} | {DirectP99(r.Most):F1} | {DirectP99(r.Most) / r.WithoutP99:F2}× | {r.WithoutP99:F1} / {r.Most.UnaryP99:F1} | {r.UnaryP99Ratio:F2} | {r.UnaryP50Ratio:F2} | {r.OneP99Ratio:F2} | {r.SameP99Ratio:F2} / {r.SameP50Ratio:F2} |"));
    }

    double Median(Func<Round, double> of) => Stats.Median(all.Select(of).ToList());
    string Spread(Func<Round, double> of) => string.Create(inv, $"{all.Min(of):F2}–{all.Max(of):F2}");
    var rate = Median(r => r.RateRatio);
    var delivery = Median(r => DirectP99(r.Most));
    var times = Median(r => DirectP99(r.Most) / r.WithoutP99);
    var slowedP99 = Median(r => r.UnaryP99Ratio);
    var slowedP50 = Median(r => r.UnaryP50Ratio);

    // Every round's unary calls together: a p99 of some 750 calls is their 8th slowest, of five rounds' the 38th.
    var pooledWithout = all.SelectMany(r => r.WithoutUnaryMs).ToList();
    var pooledMost = all.SelectMany(r => r.Most.UnaryMs).ToList();
    var pooledOne = all.SelectMany(r => r.One.UnaryMs).ToList();
    var pooledP99 = Stats.Percentile(pooledMost, 99) / Stats.Percentile(pooledWithout, 99);
    var pooledP50 = Stats.Percentile(pooledMost, 50) / Stats.Percentile(pooledWithout, 50);
    Console.WriteLine(string.Create(inv, $"medians over {all.Count} rounds at {most} subscribers:"));
    Console.WriteLine(string.Create(inv, $"- write rate ÷ with 1 ≥ 0.9: {rate:F2} ({Met(rate >= 0.9)}); rounds {Spread(r => r.RateRatio)}"));
    Console.WriteLine(string.Create(inv, $"- commit→delivery p99 ≤ 50 ms: {delivery:F1} ms ({Met(delivery <= 50)}); ≤ 3× the unary p99 without: {times:F2}× ({Met(times <= 3)})"));
    Console.WriteLine(string.Create(inv,
        $"- other client's unary calls not slowed (p99 and p50 with {most} ÷ without ≤ {NotSlowed:F2}): p99 {slowedP99:F2}, p50 {slowedP50:F2} ({Met(slowedP99 <= NotSlowed && slowedP50 <= NotSlowed)}); rounds p99 {Spread(r => r.UnaryP99Ratio)}"));
    Console.WriteLine(string.Create(inv,
        $"  all rounds' calls together: p99 {pooledP99:F2}, p50 {pooledP50:F2}; with 1 subscriber p99 {Stats.Percentile(pooledOne, 99) / Stats.Percentile(pooledWithout, 99):F2}; A/A (the same phase twice) median p99 {Median(r => r.SameP99Ratio):F2}, rounds {Spread(r => r.SameP99Ratio)}"));

    // Who pays for the fan-out, every round's phases at 1 and at the most subscribers: what the other client's slowdown is read against.
    string Cpu(Func<CpuTimes, double> seconds) => string.Create(
        inv, $"{Median(r => seconds(r.One.Cpu) * 1000 / Math.Max(1, r.One.Writes.Committed)):F2} → {Median(r => seconds(r.Most.Cpu) * 1000 / Math.Max(1, r.Most.Writes.Committed)):F2}");
    var subscriberCpu = options.SubscribersApart ? $", subscriber process {Cpu(c => c.SubscriberSeconds)}" : "";
    Console.WriteLine(
        $"- CPU ms per write with 1 → {most} subscribers (medians): hub {Cpu(c => c.HubSeconds)} (of which in the kernel {Cpu(c => c.HubKernelSeconds)}), benchmark {Cpu(c => c.ClientSeconds)}{subscriberCpu}, PostgreSQL {Cpu(c => c.PostgresSeconds)}");
}

// A target's verdict, as every verdict line prints it.
string Met(bool met) => met ? "met" : "NOT met";

// The direct commit → delivery p99: at the subscriber when PostgreSQL's commit timestamps are on, else the hub's commit → written.
double DirectP99(Phase phase) => commitTimestamps ? phase.CommitP99 : phase.WrittenP99;

void PrintTargets(List<Phase> phases, Phase none, Phase? one)
{
    var most = phases.MaxBy(p => p.Subscribers)!;
    if (most.Subscribers == 0)
    {
        return;
    }

    Console.WriteLine(string.Create(inv, $"issue 15 targets at {most.Subscribers} subscribers (same run):"));
    var direct = DirectP99(most);
    var measured = commitTimestamps ? "from PostgreSQL's commit to the subscriber's receipt" : "from the writer's commit to the stream, in the hub (commit timestamps off)";
    Console.WriteLine(string.Create(inv,
        $"- commit→delivery p99 ≤ 50 ms: {direct:F1} ms ({Met(direct <= 50)}), {measured}; the hub's commit→written {most.WrittenP99:F1} ms; bounds: change_time→delivery {most.P99:F1}, answer→delivery {most.AckP99:F1} ms"));
    Console.WriteLine(string.Create(inv,
        $"- commit→delivery p99 ≤ 3× the unary p99 without subscribers ({none.UnaryP99:F1} ms): {direct / none.UnaryP99:F2}× ({Met(direct <= 3 * none.UnaryP99)})"));
    if (one is not null)
    {
        var rate = most.Writes.PerSecond / one.Writes.PerSecond;
        var paced = options.Rate is { } offeredRate ? $" (paced to {offeredRate}/s: this says whether the hub kept the offered rate)" : "";
        Console.WriteLine(string.Create(inv, $"- write rate with {most.Subscribers} ÷ with 1 ≥ 0.9: {rate:F2} ({Met(rate >= 0.9)}){paced}"));
    }

    Console.WriteLine(string.Create(inv,
        $"- other client's unary p99 with {most.Subscribers} ÷ without subscribers: {most.UnaryP99 / none.UnaryP99:F2} (p50 {most.UnaryP50 / none.UnaryP50:F2})"));
    Console.WriteLine($"- every change once and in order, delivered ÷ written = 1: {Met(phases.All(p => p.Complete))}");
}

async Task<Phase> RunPhaseAsync(string label, int subscribers, bool withSlowSubscriber, TimeSpan length)
{
    var head0 = await FeedHead.WhenSequencedAsync(connectionString);
    var pause = withSlowSubscriber ? slowPause : (TimeSpan?)null;
    var caughtUpTimeout = TimeSpan.FromSeconds(30);
    await using var group = subscriberProcess is null
        ? await SubscriberGroup.StartAsync(subscriberClients, slowClient, label, subscribers, head0, pause, caughtUpTimeout)
        : await subscriberProcess.StartPhaseAsync(label, subscribers, head0, pause, caughtUpTimeout);
    var startRss = memory.RssMiB();
    using var sampling = new CancellationTokenSource();
    var peak = memory.PeakAsync(sampling.Token);
    var cpu0 = CpuTimes.Read(memory.Pid, postmaster, group.ProcessId);
    using var probe = await UnaryProbe.StartAsync(hub.Address, prefectureKey, probeTarget);
    var start = DateTime.UtcNow;
    var acknowledged = new ConcurrentDictionary<string, DateTime>();
    var writes = await Writers.RunAsync(writerCalls, length, acknowledged, options.Rate);
    var unaryMs = await probe.StopAsync();
    var head1 = await FeedHead.WhenSequencedAsync(connectionString);
    await group.DrainAsync(head1, TimeSpan.FromSeconds(60));
    var cpu = CpuTimes.Read(memory.Pid, postmaster, group.ProcessId).Since(cpu0);
    var endRss = memory.RssMiB();

    // One scrape per phase, at its end: the previous phase's end is this one's start (nothing is
    // written between phases), and scrapes a phase apart never meet the exporter's response cache.
    var scraped = await FeedStages.ScrapeAsync(scraper, metricsAddress);
    var phaseStages = scraped.Since(stages);
    stages = scraped;
    await sampling.CancelAsync();
    var peakRss = await peak;
    var (tallies, slowTally) = await group.TallyAsync();
    var latencies = tallies.SelectMany(t => t.LatenciesMs).ToList();
    var afterAnswer = tallies.SelectMany(t => t.Arrivals)
        .Where(a => acknowledged.ContainsKey(a.Application))
        .Select(a => (a.At - acknowledged[a.Application]).TotalMilliseconds)
        .ToList();
    var expected = head1 - head0;
    var commits = commitTimestamps ? await CommitTimes.ReadAsync(connectionString, head0, head1) : [];
    var afterCommit = tallies.SelectMany(t => t.Arrivals)
        .Where(a => commits.ContainsKey(a.ChangeSeq))
        .Select(a => (a.At - commits[a.ChangeSeq]).TotalMilliseconds)
        .ToList();
    var rates = tallies.Select(t => t.Changes / Math.Max(0.001, (t.LastDelivery - start).TotalSeconds)).ToList();
    var phase = new Phase(
        label, subscribers, writes, expected, tallies, slowTally,
        rates.DefaultIfEmpty().Average(), rates.Count == 0 ? 0 : rates.Min() / writes.PerSecond,
        Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99),
        Stats.Percentile(afterAnswer, 50), Stats.Percentile(afterAnswer, 99),
        Stats.Percentile(afterCommit, 50), Stats.Percentile(afterCommit, 99), unaryMs,
        startRss, peakRss, endRss, phaseStages, cpu);
    Console.WriteLine(string.Create(inv, $"phase {label}: {subscribers} subscriber(s){(withSlowSubscriber ? " + 1 slow" : "")}, {writes.Committed} writes ({writes.Failed} failed), feed {head0}→{head1}, {phase.Verdict}"));
    return phase;
}
