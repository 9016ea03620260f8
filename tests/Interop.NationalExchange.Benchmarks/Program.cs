using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Benchmarks;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Progress;
using Interop.NationalExchange.Returns;
using Interop.Testing;

// Entry point: `dotnet run -c Release --project tests/Interop.NationalExchange.Benchmarks -- [--size 1000000] [--smoke]`.
// Needs INTEROP_TEST_POSTGRES (an admin connection string): a throwaway database on that cluster, and
// the hub as its own process (ExternalHubProcess), so the memory printed is the job's alone.
// An initial full export of N applications through the feed, as the job runs it, with the progress
// bar (standard error) and the job's memory at 10, 50 and 100 %; the import of the return file
// acknowledging every line; each against a plain XmlWriter / XmlReader pass over the same data in the
// same run. Exit codes: 0 figures printed and every check held (N + 1 demandes written and valid, N + 1
// lines acknowledged), 1 a check failed, 2 bad arguments. `--smoke`: 300 applications (deploy/test.sh).
var size = 1_000_000;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--smoke":
            size = 300;
            break;
        case "--size" when i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0:
            size = n;
            i++;
            break;
        default:
            Console.Error.WriteLine($"unknown or incomplete argument '{args[i]}'. Usage: [--size N] [--smoke]");
            return 2;
    }
}

var failures = 0;
void Check(bool held, string what)
{
    if (!held)
    {
        failures++;
        Console.WriteLine($"CHECK FAILED: {what}");
    }
}

var folder = Directory.CreateTempSubdirectory("interop-exchange-bench-").FullName;
var connectionString = await TestPostgres.CreateDatabaseAsync("exchangebench");
var settings = new Dictionary<string, string> { ["Interop__RateLimitPerSecond"] = "100000", ["Interop__RateLimitBurst"] = "100000" };
var clock = Stopwatch.StartNew();

// Setup: organisations and one application through the hub, then the clones in SQL with the hub stopped.
string nationalKey;
var hub = await ExternalHubProcess.StartAsync(connectionString, settings);
using (var channel = GrpcChannel.ForAddress(hub.Address))
{
    nationalKey = await HubAccess.IssueKeyAsync(channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange));
    var landlord = new RegistryService.RegistryServiceClient(await HubAccess.JoinAsync(channel, TestOrganizations.Of("bench-landlord", OrganizationKind.Landlord, stock: ["14118"], desks: ["B0001"])));
    var template = TestApplications.Valid();
    template.Wishes.CommuneCodes.Clear();
    template.Wishes.CommuneCodes.Add("14118");
    var created = await landlord.CreateApplicationAsync(TestApplications.Create(application: template));
    await FeedHead.WhenSequencedAsync(connectionString);
    await hub.StopGracefullyAsync(TimeSpan.FromSeconds(30));
    await hub.DisposeAsync();
    await BenchStock.CloneAsync(connectionString, created.Application.Number, size);
}

hub = await ExternalHubProcess.StartAsync(connectionString, settings);
var lines = size + 1;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"setup: {lines:N0} applications, each with its REGISTERED change, in {clock.Elapsed.TotalSeconds:0.0} s (1 through the hub, {size:N0} cloned in SQL); {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));

var bar = ConsoleProgress.ForStandardError();
using var client = new InteropClient(hub.Address, nationalKey);

// 1. The job's export: feed → mapping → XmlWriter → schema validation → SHA-256 → rename.
var exportMemory = new MemoryProbe(bar);
clock.Restart();
var export = await new NationalExport(client, new ExportOptions { Directory = folder, Progress = exportMemory }).RunAsync(new DateOnly(2026, 3, 10));
var exportSeconds = clock.Elapsed.TotalSeconds;
exportMemory.Finish(lines);
var exportFile = Path.Combine(folder, "outbox", export.FileName);
Check(export.Demandes == lines, $"the export wrote {export.Demandes} demandes, expected {lines}");

// 2. The floor: the same demandes written by a plain XmlWriter.
clock.Restart();
PlainXml.Write(exportFile, Path.Combine(folder, "plain-export.xml"), lines);
var plainWriteSeconds = clock.Elapsed.TotalSeconds;

// 3. The national side's answer: every line acknowledged (written by the job's ReturnFileWriter).
var returnFile = Path.Combine(folder, "retour-20260310-0001.xml");
using (var stream = File.Create(returnFile))
using (var writer = new ReturnFileWriter(stream, new ReturnFileHeader(new DateOnly(2026, 3, 10), 1, export.FileName, null, null)))
{
    foreach (var (ordre, number) in Demandes(exportFile))
    {
        writer.Write(new Acquittement { Number = number, NumeroOrdre = ordre, TypeFichier = "CRE", Revision = 1, Statut = "ACT" });
    }

    writer.Complete();
}

// 4. The job's import: schema validation, control counts, line by line into the ledger (SQLite).
var importMemory = new MemoryProbe(bar);
clock.Restart();
var import = await new NationalImport(client, new ImportOptions { Directory = folder, Progress = importMemory }).ImportAsync(returnFile);
var importSeconds = clock.Elapsed.TotalSeconds;
importMemory.Finish(lines);
Check(import.Acknowledged == lines, $"the import acknowledged {import.Acknowledged} lines, expected {lines}");

// 5. The floor: the same return file read by a plain XmlReader.
clock.Restart();
var plainRead = PlainXml.Read(returnFile);
var plainReadSeconds = clock.Elapsed.TotalSeconds;
Check(plainRead == lines, $"the plain reader read {plainRead} lines, expected {lines}");

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| pass | lines | seconds | lines/s | time ÷ plain pass |"));
Console.WriteLine("|---|---:|---:|---:|---:|");
Row("export (feed → XmlWriter → XSD → publish)", lines, exportSeconds, plainWriteSeconds);
Row("plain XmlWriter, same demandes", lines, plainWriteSeconds, plainWriteSeconds);
Row("import (XSD → counts → lines → ledger)", lines, importSeconds, plainReadSeconds);
Row("plain XmlReader, same return file", lines, plainReadSeconds, plainReadSeconds);
Console.WriteLine();
Console.WriteLine("| run | at | lines | GC heap MB | working set MB | peak working set MB |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|");
foreach (var (name, probe) in new[] { ("export", exportMemory), ("import", importMemory) })
{
    foreach (var s in probe.Samples)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {(s.Percent > 100 ? "end" : s.Percent + " %")} | {s.Done:N0} | {s.GcHeap / 1e6:0.0} | {s.WorkingSet / 1e6:0.0} | {s.PeakWorkingSet / 1e6:0.0} |"));
    }
}

Console.WriteLine();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"export file {new FileInfo(exportFile).Length / 1e6:0.0} MB, return file {new FileInfo(returnFile).Length / 1e6:0.0} MB; {(failures == 0 ? "every check held" : failures + " checks failed")}"));

await hub.DisposeAsync();
Directory.Delete(folder, recursive: true);
return failures == 0 ? 0 : 1;

static void Row(string pass, long count, double seconds, double plainSeconds) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {pass} | {count:N0} | {seconds:0.00} | {count / seconds:N0} | {seconds / plainSeconds:0.0} |"));

// The numeroOrdre and number of each demande, streaming.
static IEnumerable<(long Ordre, string Number)> Demandes(string exportFile)
{
    using var reader = System.Xml.XmlReader.Create(exportFile, new System.Xml.XmlReaderSettings { IgnoreWhitespace = true });
    while (reader.ReadToFollowing("demande", Interop.NationalExchange.Schema.NuuSchema.Namespace))
    {
        var ordre = long.Parse(reader.GetAttribute("numeroOrdre")!, CultureInfo.InvariantCulture);
        reader.ReadToDescendant("numUnique", Interop.NationalExchange.Schema.NuuSchema.Namespace);
        yield return (ordre, reader.ReadElementContentAsString());
    }
}
