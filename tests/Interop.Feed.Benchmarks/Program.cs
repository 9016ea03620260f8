using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Feed.Benchmarks;
using Interop.Testing;

// Entry point: `dotnet run -c Release --project tests/Interop.Feed.Benchmarks -- [--seconds 15] [--subscribers 1,10,50] [--smoke]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string). Exit codes: 0 every
// write succeeded and every change was delivered once and in order, 1
// otherwise, 2 bad arguments. `--smoke` runs every phase once on tiny sizes
// (deploy/test.sh does, so the command never rots).
if (!FeedOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(FeedOptions.Usage);
    return 2;
}

const int WriterClients = 4;
var memorySubscribers = options.MemorySubscribers;
var slowPause = TimeSpan.FromMilliseconds(100);
var duration = options.PhaseLength;
var seconds = duration.TotalSeconds;
var counts = options.SubscriberCounts;
var inv = CultureInfo.InvariantCulture;

var connectionString = await TestPostgres.CreateDatabaseAsync("feedbench");
await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
{
    ["Interop__RateLimitPerSecond"] = "100000",
    ["Interop__RateLimitBurst"] = "100000",
});
var memory = HubMemory.Find(hub.Address);
Console.WriteLine($"hub pid {memory.Pid} at {hub.Address}; {Environment.ProcessorCount} cores; {WriterClients} writer clients; {seconds} s per phase");

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
// Subscribers follow the feed through the client library, as integrators do,
// on 2 connections (one InteropClient each).
using var subscribersA = new InteropClient(hub.Address, prefectureKey);
using var subscribersB = new InteropClient(hub.Address, prefectureKey);
InteropClient[] subscriberClients = [subscribersA, subscribersB];
// The slow subscriber has a connection of its own, so that only its stream's
// HTTP/2 window fills up.
using var slowClient = new InteropClient(hub.Address, prefectureKey);

var exitCode = 0;
try
{
    // Warm-up (JIT, pools): its figures are not reported, but its delivery is checked like any other phase's.
    var warm = await RunPhaseAsync("warm", 1, false, options.WarmUp);
    if (!warm.Complete)
    {
        exitCode = 1;
    }

    // Baseline: a plain unary GetApplication round trip by the same subscriber organisation, idle hub.
    var landlord = new RegistryService.RegistryServiceClient(writerCalls[0]);
    var created = (await landlord.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
    var reader = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(NewChannel(), prefectureKey));
    var unary = new List<double>();
    for (var i = 0; i < options.BaselineWarmUpCalls + options.BaselineCalls; i++)
    {
        var clock = Stopwatch.StartNew();
        await reader.GetApplicationAsync(new GetApplicationRequest { Name = created.Name });
        if (i >= options.BaselineWarmUpCalls)
        {
            unary.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    var unaryP50 = Stats.Percentile(unary, 50);
    Console.WriteLine(string.Create(inv, $"baseline: unary GetApplication round trip p50 {unaryP50:F2} ms, p99 {Stats.Percentile(unary, 99):F2} ms ({options.BaselineCalls} calls, idle hub)"));
    Console.WriteLine();

    var results = new List<Phase>();
    foreach (var count in counts)
    {
        results.Add(await RunPhaseAsync($"s{count}", count, false, duration));
    }

    var withoutSlow = await RunPhaseAsync("m0", memorySubscribers, false, duration);
    var withSlow = await RunPhaseAsync("m1", memorySubscribers, true, duration);

    if (options.Smoke)
    {
        Console.WriteLine("Smoke run (--smoke): 2-s phases, one subscriber; these figures are not a measurement.");
    }

    Console.WriteLine("| subscribers | writes committed | writes/s | create p50 ms | delivered/s per subscriber | delivered/s total | delivered ÷ written | all delivered once, in order | commit→delivery p50 ms | p99 ms | p50 ÷ unary p50 | hub peak RSS MiB |");
    Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|");
    foreach (var phase in results.Append(withoutSlow).Append(withSlow))
    {
        var label = phase.Label switch
        {
            "m0" => $"{phase.Subscribers} (memory, no slow)",
            "m1" => $"{phase.Subscribers} + 1 slow",
            _ => phase.Subscribers.ToString(inv),
        };
        Console.WriteLine(string.Create(inv,
            $"| {label} | {phase.Writes.Committed} | {phase.Writes.PerSecond:F0} | {Stats.Percentile(phase.Writes.LatenciesMs, 50):F2} | {phase.PerSubscriberRate:F0} | {phase.PerSubscriberRate * phase.Subscribers:F0} | {phase.PerSubscriberRate / phase.Writes.PerSecond:F3} (min {phase.MinRatio:F3}) | {phase.Verdict} | {phase.P50:F1} | {phase.P99:F1} | {phase.P50 / unaryP50:F1}× | {phase.PeakRssMiB:F0} |"));
        if (!phase.Complete)
        {
            exitCode = 1;
        }
    }

    Console.WriteLine();
    var slow = withSlow.Slow!;
    var meanMessage = withSlow.MeanMessageBytes;
    var backlog = withSlow.Expected - slow.Changes;
    Console.WriteLine(string.Create(inv, $"slow subscriber (reads one change, then sleeps {slowPause.TotalMilliseconds:F0} ms): received {slow.Changes} of {withSlow.Expected} changes by the end of the phase, {backlog} behind"));
    Console.WriteLine(string.Create(inv, $"  buffering that backlog would take ≈ {backlog * meanMessage / 1048576.0:F1} MiB ({meanMessage:F0} B per change message)"));
    Console.WriteLine(string.Create(inv, $"hub RSS, {memorySubscribers} subscribers without the slow one: start {withoutSlow.StartRssMiB:F0} MiB, peak {withoutSlow.PeakRssMiB:F0} MiB, after drain {withoutSlow.EndRssMiB:F0} MiB"));
    Console.WriteLine(string.Create(inv, $"hub RSS, {memorySubscribers} subscribers + the slow one:    start {withSlow.StartRssMiB:F0} MiB, peak {withSlow.PeakRssMiB:F0} MiB, after drain {withSlow.EndRssMiB:F0} MiB (slow stream still open)"));
    Console.WriteLine(string.Create(inv, $"  peak with ÷ peak without: {withSlow.PeakRssMiB / withoutSlow.PeakRssMiB:F3}; peak difference {withSlow.PeakRssMiB - withoutSlow.PeakRssMiB:+0;-0} MiB vs ≈ {backlog * meanMessage / 1048576.0:F1} MiB of backlog"));
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

async Task<Phase> RunPhaseAsync(string label, int subscribers, bool withSlowSubscriber, TimeSpan length)
{
    var head0 = await FeedHead.WhenSequencedAsync(connectionString);
    var fast = Enumerable.Range(0, subscribers)
        .Select(i => FeedSubscriber.Start(subscriberClients[i % subscriberClients.Length], $"{label}-{i}", head0))
        .ToList();
    var slowSubscriber = withSlowSubscriber ? FeedSubscriber.Start(slowClient, $"{label}-slow", head0, slowPause) : null;
    try
    {
        await Task.WhenAll(fast.Append(slowSubscriber).OfType<FeedSubscriber>().Select(s => s.WaitForCaughtUpAsync(TimeSpan.FromSeconds(30))));
        var startRss = memory.RssMiB();
        using var sampling = new CancellationTokenSource();
        var peak = memory.PeakAsync(sampling.Token);
        var start = DateTime.UtcNow;
        var writes = await Writers.RunAsync(writerCalls, length);
        var head1 = await FeedHead.WhenSequencedAsync(connectionString);
        var drainDeadline = DateTime.UtcNow.AddSeconds(60);
        while (fast.Any(s => s.Position < head1) && DateTime.UtcNow < drainDeadline)
        {
            await Task.Delay(10);
        }

        var endRss = memory.RssMiB();
        await sampling.CancelAsync();
        var peakRss = await peak;
        var tallies = fast.Select(s => s.Tally()).ToList();
        var latencies = tallies.SelectMany(t => t.LatenciesMs).ToList();
        var expected = head1 - head0;
        var rates = tallies.Select(t => t.Changes / Math.Max(0.001, (t.LastDelivery - start).TotalSeconds)).ToList();
        var phase = new Phase(
            label, subscribers, writes, expected, tallies, slowSubscriber?.Tally(),
            rates.Average(), rates.Min() / writes.PerSecond,
            Stats.Percentile(latencies, 50), Stats.Percentile(latencies, 99),
            startRss, peakRss, endRss);
        Console.WriteLine(string.Create(inv, $"phase {label}: {subscribers} subscriber(s){(withSlowSubscriber ? " + 1 slow" : "")}, {writes.Committed} writes ({writes.Failed} failed), feed {head0}→{head1}, {phase.Verdict}"));
        return phase;
    }
    finally
    {
        foreach (var subscriber in fast.Append(slowSubscriber).OfType<FeedSubscriber>())
        {
            await subscriber.DisposeAsync();
        }
    }
}

internal sealed record Phase(
    string Label, int Subscribers, WriteResult Writes, long Expected, List<SubscriberTally> Tallies, SubscriberTally? Slow,
    double PerSubscriberRate, double MinRatio, double P50, double P99, double StartRssMiB, double PeakRssMiB, double EndRssMiB)
{
    // A failed write is a defect too: the writers' calls are all valid registrations.
    public bool Complete =>
        Writes.Failed == 0 && Writes.Committed == Expected && Tallies.All(t => t.Changes == Expected && t.Duplicates == 0 && t.Missing == 0);

    public double MeanMessageBytes => Tallies.Sum(t => (double)t.Bytes) / Math.Max(1, Tallies.Sum(t => t.Changes));

    public string Verdict => Complete
        ? $"yes ({Expected}/{Expected} each)"
        : $"NO: expected {Expected} (committed {Writes.Committed}, failed {Writes.Failed}), received min {Tallies.Min(t => t.Changes)}, duplicates {Tallies.Sum(t => t.Duplicates)}, gaps {Tallies.Sum(t => t.Missing)}";
}
