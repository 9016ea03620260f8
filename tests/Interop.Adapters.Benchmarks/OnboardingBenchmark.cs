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

namespace Interop.Adapters.Benchmarks;

/// <summary>
/// Bulk onboarding: a landlord's stock (N households already in its ERP) loaded through its adapter, as
/// the SDK does by default (OnboardApplications streams), against the same adapter sending one
/// CreateApplication at a time, and four at a time, on one hub process in the same run. Each phase
/// loads its own households (another seed) with a new landlord; the hub's stock grows from phase to
/// phase, which only slows the later ones (the bulk phase runs last).
/// </summary>
internal static class OnboardingBenchmark
{
    private sealed record Phase(string Label, Action<AdapterOptions> Configure);

    /// <summary>0 when every phase linked each record once with no dead letter, 1 otherwise.</summary>
    public static async Task<int> RunAsync(OnboardingOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        var connectionString = await TestPostgres.CreateDatabaseAsync("onboardbench");
        await using var hub = await ExternalHubProcess.StartAsync(connectionString, new Dictionary<string, string>
        {
            ["Interop__RateLimitPerSecond"] = "100000",
            ["Interop__RateLimitBurst"] = "100000",
        });
        using var setup = GrpcChannel.ForAddress(hub.Address);
        Console.WriteLine(string.Create(inv,
            $"hub at {hub.Address}; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}; {options.Records} households per phase, in the simulated ERP before its adapter starts"));

        List<Phase> phases =
        [
            new("one CreateApplication at a time", o => { o.BulkThreshold = 0; o.OutboundConcurrency = 1; }),
            new("4 CreateApplication in flight", o => { o.BulkThreshold = 0; o.OutboundConcurrency = 4; }),
            new("bulk: OnboardApplications streams (SDK default)", _ => { }),
        ];
        if (options.SkipOneByOne)
        {
            phases = [phases[^1]];
        }

        var complete = true;
        double? baseline = null;
        Console.WriteLine();
        Console.WriteLine("| path | records | wall s | records/s | ÷ one at a time | linked as duplicates |");
        Console.WriteLine("|---|--:|--:|--:|--:|--:|");
        for (var p = 0; p < phases.Count; p++)
        {
            var (label, configure) = phases[p];
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
            for (var i = 0; i < options.Records; i++)
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

            var rate = options.Records / seconds;
            baseline ??= options.SkipOneByOne ? null : rate;
            complete &= linked == options.Records && deadLetters.Count == 0;
            Console.WriteLine(string.Create(inv,
                $"| {label} | {options.Records} | {seconds:F1} | {rate:F0} | {(baseline is { } b ? $"{rate / b:F2}×" : "—")} | {metrics.Linked} |"));
            if (linked != options.Records || deadLetters.Count > 0)
            {
                Console.WriteLine(string.Create(inv, $"  INCOMPLETE: {linked} of {options.Records} records linked, {deadLetters.Count} dead letters"));
            }
        }

        return complete ? 0 : 1;
    }
}
