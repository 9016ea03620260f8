using System.Globalization;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Matching.Registration;
using Interop.Testing;

// `dotnet run -c Release --project tests/Interop.Matching.Registration -- --input SET.csv --truth TRUTH.csv [--limit N] [--in-flight 4] [--smoke]`
// Needs INTEROP_TEST_POSTGRES (an admin connection string). Starts a hub process on a new database, registers every
// record of a dedup-format set through Interop.Client one by one in file order with N in flight (4 desks), and prints
// precision and recall of what the hub did: a DUPLICATE_APPLICATION refusal is a certain link, an open item of the
// review queue a probable one. Exit codes: 0 done, 1 a call failed (the figures are void) or the smoke run linked
// nothing, 2 bad arguments. `--smoke` registers a built-in set of 10 records (deploy/test.sh does).
var smoke = args.Contains("--smoke");
string? Option(string name)
{
    var at = Array.IndexOf(args, "--" + name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}

var smokeFolder = smoke ? Path.Combine(Path.GetTempPath(), $"interop-registration-smoke-{Environment.ProcessId}") : null;
var (input, truthPath) = smokeFolder is not null ? SmokeSet.Write(smokeFolder) : (Option("input"), Option("truth"));
if (input is null || truthPath is null || !File.Exists(input) || !File.Exists(truthPath))
{
    Console.Error.WriteLine("usage: -- --input SET.csv --truth TRUTH.csv [--limit N] [--in-flight 4] | --smoke (README.md beside this program)");
    return 2;
}

if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INTEROP_TEST_POSTGRES")))
{
    Console.Error.WriteLine("INTEROP_TEST_POSTGRES is not set: `. deploy/postgres.sh; pg_start_throwaway --fast; export INTEROP_TEST_POSTGRES=$INTEROP_PG_ADMIN`.");
    return 2;
}

var records = DedupCsv.Read(input);
if (Option("limit") is { } limit)
{
    records = records.Take(int.Parse(limit, CultureInfo.InvariantCulture)).ToList();
}

var truth = Truth.Read(truthPath, records);
var inFlight = int.Parse(Option("in-flight") ?? "4", CultureInfo.InvariantCulture);
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

var connectionString = await TestPostgres.CreateDatabaseAsync("matchreg");
await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
{
    // Matching is measured, not an organisation's quota (100 calls/s by default).
    ["Interop__RateLimitPerSecond"] = "1000000",
    ["Interop__RateLimitBurst"] = "1000000",
});
var desks = Enumerable.Range(1, inFlight).Select(d => $"D{d:0000}").ToArray();
string apiKey;
using (var setup = GrpcChannel.ForAddress(hub.Address))
{
    apiKey = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of("matching-registration", OrganizationKind.Landlord, stock: ["14118"], desks: desks));
}

using var client = new InteropClient(hub.Address, apiKey);
Console.WriteLine($"Registration path — {records.Count:N0} records of {Path.GetFileName(input)}{(smoke ? " (smoke run: its figures measure nothing)" : "")}, " +
    $"{inFlight} in flight, hub at {hub.Address}, {Environment.ProcessorCount} cores");
var lastShown = DateTime.UtcNow;
var run = await Registrar.RunAsync(client, records, ContractMapping.For(records), desks, done =>
{
    if (!smoke && (DateTime.UtcNow - lastShown).TotalSeconds >= 30)
    {
        lastShown = DateTime.UtcNow;
        Console.WriteLine($"  {done:N0} registered or refused");
    }
}, stop.Token);
var reviewItems = await ReviewQueue.ReadAsync(client, stop.Token);

var recordOf = new Dictionary<string, int>(StringComparer.Ordinal);
for (var i = 0; i < records.Count; i++)
{
    if (run.Registered[i] is { } name)
    {
        recordOf[name] = i;
    }
}

var scored = Enumerable.Repeat(true, records.Count).ToArray();
foreach (var (record, _) in run.ContractRefused)
{
    scored[record] = false;
}

var certain = run.Duplicates.SelectMany(d => d.Existing.Where(recordOf.ContainsKey).Select(e => (d.Record, recordOf[e]))).ToList();
var probable = reviewItems.Where(i => recordOf.ContainsKey(i.Application) && recordOf.ContainsKey(i.Candidate))
    .Select(i => (recordOf[i.Application], recordOf[i.Candidate])).ToList();
var all = certain.Concat(probable).ToList();
LinkScore[] scores =
[
    LinkScore.Closed("certain + probable, closed into households", all, truth, scored),
    LinkScore.Closed("certain alone (refusals), closed", certain, truth, scored),
    LinkScore.Stated("certain + probable, pairs as stated", all, truth, scored),
    LinkScore.Stated("certain alone (refusals), pairs as stated", certain, truth, scored),
];

Console.WriteLine($"  {run.Registered.Count(n => n is not null):N0} registered, {run.Duplicates.Count:N0} refused as DUPLICATE_APPLICATION, " +
    $"{reviewItems.Count:N0} review items, {run.ContractRefused.Count:N0} refused by the contract (not scored), {run.Failures.Count:N0} failed; " +
    $"{run.Elapsed.TotalSeconds:0.0} s ({records.Count / run.Elapsed.TotalSeconds:0} records/s)");
foreach (var (record, violation) in run.ContractRefused.Take(3))
{
    Console.WriteLine($"  refused by the contract: {records[record].Id}: {violation}");
}

Console.WriteLine();
Console.WriteLine("| links | predicted pairs | P | R |");
Console.WriteLine("|---|--:|--:|--:|");
foreach (var score in scores)
{
    Console.WriteLine($"| {score.Label} | {score.Predicted:N0} | {score.Precision:0.0000} | {score.Recall:0.0000} |");
}

Console.WriteLine($"True pairs among the scored records: {scores[0].TruePairs:N0}.");
foreach (var (record, error) in run.Failures.Take(5))
{
    Console.WriteLine($"FAILED: {records[record].Id}: {error}");
}

if (smokeFolder is not null)
{
    Directory.Delete(smokeFolder, recursive: true);
}

// A smoke run proves the path: every call answered, and the hub both refused and registered.
if (run.Failures.Count > 0 || (smoke && (run.Duplicates.Count == 0 || scores[0].Correct == 0)))
{
    Console.WriteLine(run.Failures.Count > 0 ? "FAILED: calls failed, the figures are void." : "FAILED: the hub refused nothing or linked no true pair.");
    return 1;
}

return 0;
