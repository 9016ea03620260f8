using System.Diagnostics;
using System.Globalization;
using Grpc.Net.Client;
using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Hosting;
using Interop.Adapters.Simulator.Traffic;
using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Adapters.Benchmarks;

/// <summary>
/// Bulk onboarding: a landlord's stock (N households already in its ERP) loaded through its adapter, as
/// the SDK does by default (OnboardApplications streams), against the same adapter sending one
/// CreateApplication at a time, and four at a time, on one hub process in the same run. The unary phases
/// load a sample (<c>--unary-records</c>, default 2,000) whose rate is the ratio's base, so a stock of
/// 100,000 is timed in bulk without hours of one-by-one calls. Each phase loads its own households
/// (another seed) with a new landlord; the hub's stock grows from phase to phase, which only slows the
/// later ones (the bulk phase runs last). The benchmark's database is dropped at the end.
/// </summary>
internal static class OnboardingBenchmark
{
    private sealed record Phase(string Label, int Records, Action<AdapterOptions> Configure);

    /// <summary>0 when every phase linked each record once with no dead letter, 1 otherwise.</summary>
    public static async Task<int> RunAsync(OnboardingOptions options)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("onboardbench");
        try
        {
            return await RunPhasesAsync(options, connectionString);
        }
        finally
        {
            await DropAsync(connectionString);
        }
    }

    private static async Task<int> RunPhasesAsync(OnboardingOptions options, string connectionString)
    {
        var inv = CultureInfo.InvariantCulture;
        await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            // Records cost one token each: a budget no phase reaches, so the hub's write is what is timed.
            ["Interop__RateLimitPerSecond"] = "10000000",
            ["Interop__RateLimitBurst"] = "10000000",
        });
        using var setup = GrpcChannel.ForAddress(hub.Address);
        Console.WriteLine(string.Create(inv,
            $"hub at {hub.Address}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; households in the simulated ERP before its adapter starts: {options.Records} for the bulk phase, a sample of {options.UnaryRecords} for each unary phase (its rate is the ratio's base)"));

        List<Phase> phases =
        [
            new("one CreateApplication at a time", options.UnaryRecords, o => { o.BulkThreshold = 0; o.OutboundConcurrency = 1; }),
            new("4 CreateApplication in flight", options.UnaryRecords, o => { o.BulkThreshold = 0; o.OutboundConcurrency = 4; }),
            new("bulk: OnboardApplications streams (SDK default)", options.Records, _ => { }),
        ];
        if (options.SkipOneByOne)
        {
            phases = [phases[^1]];
        }

        var complete = true;
        double? baseline = null;
        var bulkSeconds = 0.0;
        Console.WriteLine();
        Console.WriteLine("| path | records | wall s | records/s | ÷ one at a time | linked as duplicates |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        for (var p = 0; p < phases.Count; p++)
        {
            var (label, records, configure) = phases[p];
            var organization = $"onboarding-{p}";
            var desk = "O000" + p.ToString(inv);
            var key = await HubAccess.IssueKeyAsync(setup, TestOrganizations.Of(organization, OrganizationKind.Landlord, stock: ["14118"], desks: [desk]));
            using var host = SimulatorHost.Build(
                new SimulatorSettings { Hub = hub.Address, ApiKey = key, Organization = organization, Desk = desk, Seed = 100 + p, Rate = 0, Verbose = false, ReportInterval = TimeSpan.FromHours(1) },
                TextWriter.Null,
                configure: o =>
                {
                    // A load only: this landlord does not follow the others' changes meanwhile.
                    o.Inbound = false;
                    configure(o);
                });
            var erp = host.Services.GetRequiredService<SimulatedErp>();
            var state = host.Services.GetRequiredService<IAdapterStateStore>();
            var pool = new HouseholdPool();
            for (var i = 0; i < records; i++)
            {
                erp.Register(pool.Household(pool.OwnIndex(100 + p, i)));
            }

            var last = erp.JournalLength.ToString(inv);
            var clock = Stopwatch.StartNew();
            await host.StartAsync();
            var progress = Stopwatch.StartNew();
            string? marker;
            while ((marker = await state.GetOutboundMarkerAsync(CancellationToken.None)) != last)
            {
                await Task.Delay(50);
                if (!options.Smoke && progress.Elapsed > TimeSpan.FromSeconds(30))
                {
                    Console.Error.WriteLine(string.Create(inv, $"  {label}: {marker ?? "0"} of {last} after {clock.Elapsed.TotalSeconds:F0} s"));
                    progress.Restart();
                }
            }

            var seconds = clock.Elapsed.TotalSeconds;
            await host.StopAsync();
            var metrics = host.Services.GetRequiredService<AdapterMetrics>();
            var deadLetters = await state.ListDeadLettersAsync(CancellationToken.None);
            var linked = 0;
            foreach (var dossier in erp.Dossiers)
            {
                linked += await state.FindByErpRecordAsync(dossier.Reference, CancellationToken.None) is null ? 0 : 1;
            }

            var rate = records / seconds;
            baseline ??= options.SkipOneByOne ? null : rate;
            bulkSeconds = seconds;
            // A landlord's own stock may hold one household twice (the pool's names and dates repeat): the
            // second is linked to the first's number, which then names that dossier only, so at most one
            // dossier per duplicate may be left without a link of its own.
            var ok = deadLetters.Count == 0 && records - linked <= metrics.Linked;
            complete &= ok;
            Console.WriteLine(string.Create(inv,
                $"| {label} | {records} | {seconds:F1} | {rate:F1} | {(baseline is { } b ? $"{rate / b:F2}×" : "—")} | {metrics.Linked} |"));
            if (!ok)
            {
                Console.WriteLine(string.Create(inv, $"  INCOMPLETE: {linked} of {records} records linked, {metrics.Linked} as duplicates, {deadLetters.Count} dead letters"));
            }
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(inv,
            $"bulk wall time for {options.Records} households: {bulkSeconds:F1} s ({bulkSeconds / 60:F1} min); load average at the end {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        return complete ? 0 : 1;
    }

    /// <summary>Drops the benchmark's database: a 100,000 run leaves about a gigabyte behind otherwise.</summary>
    private static async Task DropAsync(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
