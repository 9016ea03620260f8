using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Traffic;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Simulator.Hosting;

/// <summary>Builds the host of one simulated landlord: its ERP, the SDK's two loops, its traffic and its console report.</summary>
public static class SimulatorHost
{
    /// <summary>
    /// The host (not started). The ERP and the adapter state live in <see cref="SimulatorSettings.DataFolder"/>
    /// when given, else in memory; <paramref name="erp"/> and <paramref name="state"/> replace them (tests).
    /// </summary>
    public static IHost Build(SimulatorSettings settings, TextWriter? output = null, SimulatedErp? erp = null, IAdapterStateStore? state = null, Action<AdapterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(ErpCodes.Mappings);
        if (settings.ConfigFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        var mappings = builder.Configuration.GetSection("Adapter:Mappings");
        if (settings.DataFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        erp ??= new SimulatedErp(
            ReferencePrefix(settings.Seed), mappings, TimeProvider.System, settings.DataFolder is { } data ? Path.Combine(data, "erp.json") : null);

        // Created by the container, so disposed with the host (started or not); the state file's lock is taken
        // when the host first needs the state and released with the host. A state given by the caller stays the caller's.
        builder.Services.AddSingleton(_ => InteropClient.Create(new InteropClientOptions { Address = settings.Hub, ApiKey = settings.ApiKey }));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(erp);
        builder.Services.AddSingleton<IErpChangeSource>(erp);
        builder.Services.AddSingleton<IHubChangeSink>(erp);
        if (state is not null)
        {
            builder.Services.AddSingleton(state);
        }
        else if (settings.DataFolder is { } stateFolder)
        {
            builder.Services.AddSingleton<IAdapterStateStore>(_ => FileAdapterStateStore.Open(Path.Combine(stateFolder, "adapter-state.json")));
        }
        else
        {
            builder.Services.AddSingleton<IAdapterStateStore>(new InMemoryAdapterStateStore());
        }

        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(TextWriter.Synchronized(output ?? Console.Out));
        builder.Services.AddInteropAdapter(builder.Configuration.GetSection("Adapter"), o =>
        {
            o.OrganizationId = settings.Organization;
            o.RegisteringDesk = settings.Desk;
            o.SubscriptionId = "simulator";
            o.Departements.Add(settings.Departement);
            o.PollInterval = TimeSpan.FromMilliseconds(200);
            o.OutboundConcurrency = 4;
            o.FailureDelay = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        builder.Services.AddSingleton(provider => new TrafficGenerator(
            erp,
            settings.Leases ? settings.StockCommune : null,
            provider.GetRequiredService<InteropClient>(),
            new HouseholdPool(settings.SharedHouseholds),
            async (reference, token) => (await provider.GetRequiredService<IAdapterStateStore>().FindByErpRecordAsync(reference, token))?.Number,
            settings.Seed,
            TimeProvider.System));
        builder.Services.AddHostedService<TrafficWorker>();
        builder.Services.AddHostedService(provider => new FlowReporter(
            erp, provider.GetRequiredService<AdapterMetrics>(), settings, provider.GetRequiredService<TextWriter>(), TimeProvider.System));
        return builder.Build();
    }

    /// <summary>The references of a landlord's typed dossiers: <c>S1-000001</c> for seed 1.</summary>
    public static string ReferencePrefix(int seed) => "S" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
