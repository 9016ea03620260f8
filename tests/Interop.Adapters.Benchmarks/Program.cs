using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Interop.Adapters.Benchmarks;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Hosting;
using Interop.Adapters.Simulator.Traffic;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Entry point: `dotnet run -c Release --project tests/Interop.Adapters.Benchmarks -- [--rate 10] [--seconds 30] [--smoke]`.
// ERP-to-ERP lag: a household typed in landlord A's simulated ERP, pushed by A's adapter, registered by
// the hub, streamed to landlord B's adapter and written in B's ERP; from A's commit to B's write, at a
// steady rate of registrations. Against it, in the same run, the hub's own commit-to-delivery latency
// seen by a plain subscriber. Needs INTEROP_TEST_POSTGRES (an admin connection string). Exit codes: 0
// every registration reached B's ERP and the plain subscriber, 1 otherwise, 2 bad arguments. `--smoke`
// runs the whole path on a few registrations (deploy/test.sh does, so the command never rots).
if (!LagOptions.TryParse(args, out var options, out var usageError))
{
    Console.Error.WriteLine(usageError);
    Console.Error.WriteLine(LagOptions.Usage);
    return 2;
}

var inv = CultureInfo.InvariantCulture;
var connectionString = await TestPostgres.CreateDatabaseAsync("lagbench");
await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
{
    ["Interop__RateLimitPerSecond"] = "100000",
    ["Interop__RateLimitBurst"] = "100000",
});
using var setup = GrpcChannel.ForAddress(hub.Address);
var keyA = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["A0001"]));
var keyB = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("landlord-b", OrganizationKind.Landlord, stock: ["14118"], desks: ["B0001"]));
var prefectureKey = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
var head = await FeedHead.WhenSequencedAsync(connectionString);

IHost Landlord(string key, string organization, string desk, int seed) => SimulatorHost.Build(
    new SimulatorSettings { Hub = hub.Address, ApiKey = key, Organization = organization, Desk = desk, Seed = seed, Rate = 0, Verbose = false, ReportInterval = TimeSpan.FromHours(1) },
    TextWriter.Null);

using var hostA = Landlord(keyA, "landlord-a", "A0001", seed: 1);
using var hostB = Landlord(keyB, "landlord-b", "B0001", seed: 2);
var erpA = hostA.Services.GetRequiredService<SimulatedErp>();
var erpB = hostB.Services.GetRequiredService<SimulatedErp>();
var stateA = hostA.Services.GetRequiredService<IAdapterStateStore>();
var arrivedAtB = new ConcurrentDictionary<string, DateTime>(StringComparer.Ordinal);
erpB.Flow += flow =>
{
    if (flow is { Kind: FlowKinds.Received, Number: { } number })
    {
        arrivedAtB.TryAdd(number, DateTime.UtcNow);
    }
};
await hostA.StartAsync();
await hostB.StartAsync();
using var baselineClient = new InteropClient(hub.Address, prefectureKey);
await using var baseline = new HubDeliveries(baselineClient, head);

Console.WriteLine(string.Create(inv,
    $"hub at {hub.Address}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; " +
    $"{options.Rate} registrations/s for {options.Length.TotalSeconds} s typed in landlord A's ERP; adapters poll their ERP every 200 ms (the simulator's setting)"));

// A steady rate: the i-th household is typed at start + i / rate, whatever the previous one cost.
var pool = new HouseholdPool();
var typedAt = new List<(string Reference, DateTime At)>();
var total = (int)Math.Max(1, Math.Round(options.Rate * options.Length.TotalSeconds));
var clock = Stopwatch.StartNew();
for (var i = 0; i < total; i++)
{
    var due = TimeSpan.FromSeconds(i / options.Rate) - clock.Elapsed;
    if (due > TimeSpan.Zero)
    {
        await Task.Delay(due);
    }

    var at = DateTime.UtcNow;
    typedAt.Add((erpA.Register(pool.Household(pool.OwnIndex(1, i))), at));
}

// Every household reaches B's ERP, or the wait ends.
var deadline = Stopwatch.StartNew();
var wait = TimeSpan.FromSeconds(options.Smoke ? 60 : 120);
var lags = new List<double>();
var outbound = new List<double>();
var inbound = new List<double>();
var numbers = new List<string>();
while (true)
{
    numbers.Clear();
    lags.Clear();
    outbound.Clear();
    inbound.Clear();
    foreach (var (reference, at) in typedAt)
    {
        if ((await stateA.FindByErpRecordAsync(reference, CancellationToken.None))?.Number is { } number)
        {
            numbers.Add(number);
            if (arrivedAtB.TryGetValue(number, out var arrived))
            {
                lags.Add((arrived - at).TotalMilliseconds);
                if (baseline.CommittedAt(number) is { } committed)
                {
                    outbound.Add((committed - at).TotalMilliseconds);
                    inbound.Add((arrived - committed).TotalMilliseconds);
                }
            }
        }
    }

    if ((lags.Count == typedAt.Count && baseline.Count >= typedAt.Count) || deadline.Elapsed > wait)
    {
        break;
    }

    await Task.Delay(100);
}

await hostA.StopAsync();
await hostB.StopAsync();
var hubLatencies = baseline.Latencies();
var distinct = numbers.Distinct(StringComparer.Ordinal).Count();
Console.WriteLine();
Console.WriteLine("| path | changes | p50 ms | p99 ms |");
Console.WriteLine("|---|--:|--:|--:|");
Console.WriteLine(string.Create(inv, $"| hub commit → plain subscriber | {hubLatencies.Count} | {Percentiles.Of(hubLatencies, 50):F0} | {Percentiles.Of(hubLatencies, 99):F0} |"));
Console.WriteLine(string.Create(inv, $"| ERP A commit → written in ERP B (two adapters) | {lags.Count} | {Percentiles.Of(lags, 50):F0} | {Percentiles.Of(lags, 99):F0} |"));
Console.WriteLine(string.Create(inv, $"| of which A's ERP commit → hub commit (A's adapter: poll, push) | {outbound.Count} | {Percentiles.Of(outbound, 50):F0} | {Percentiles.Of(outbound, 99):F0} |"));
Console.WriteLine(string.Create(inv, $"| of which hub commit → written in B's ERP (B's adapter: feed, sink) | {inbound.Count} | {Percentiles.Of(inbound, 50):F0} | {Percentiles.Of(inbound, 99):F0} |"));
Console.WriteLine(string.Create(inv,
    $"ratio ERP-to-ERP ÷ hub: p50 {Percentiles.Of(lags, 50) / Percentiles.Of(hubLatencies, 50):F1}×, p99 {Percentiles.Of(lags, 99) / Percentiles.Of(hubLatencies, 99):F1}×"));

var complete = lags.Count == typedAt.Count && distinct == typedAt.Count && hubLatencies.Count >= typedAt.Count;
Console.WriteLine(string.Create(inv,
    $"typed {typedAt.Count}, numbered {numbers.Count} ({distinct} distinct), written in B {lags.Count}, seen by the plain subscriber {hubLatencies.Count}: {(complete ? "complete" : "INCOMPLETE")}"));
return complete ? 0 : 1;
