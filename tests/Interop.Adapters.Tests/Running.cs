using Interop.Adapters.Files.Hosting;
using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Hosting;
using Interop.Adapters.Simulator.Traffic;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Tests;

/// <summary>An adapter host started as its console program starts it, and what the tests look at.</summary>
public sealed class Running : IAsyncDisposable
{
    private int disposed;

    private Running(IHost host)
    {
        Host = host;
    }

    public IHost Host { get; }

    public AdapterMetrics Metrics => Host.Services.GetRequiredService<AdapterMetrics>();

    public IAdapterStateStore State => Host.Services.GetRequiredService<IAdapterStateStore>();

    public SimulatedErp Erp => Host.Services.GetRequiredService<SimulatedErp>();

    public TrafficGenerator Traffic => Host.Services.GetRequiredService<TrafficGenerator>();

    /// <summary>Waits until the desks took all <paramref name="steps"/> steps: the ERP's journal is final.</summary>
    public Task TrafficOverAsync(int steps, int timeoutSeconds = 90) =>
        Eventually.TrueAsync(() => Traffic.StepsTaken >= steps, $"the simulator's {steps} steps taken", timeoutSeconds);

    public static Action<AdapterOptions> Fast => o =>
    {
        o.PollInterval = TimeSpan.FromMilliseconds(50);
        o.FailureDelay = TimeSpan.FromMilliseconds(300);
        o.ErpRetryDelay = TimeSpan.FromMilliseconds(10);
    };

    /// <summary>A simulated landlord without traffic of its own (the test types into its ERP), unless <paramref name="settings"/> says so.</summary>
    public static async Task<Running> SimulatorAsync(Uri hub, Landlord landlord, int seed, Func<SimulatorSettings, SimulatorSettings>? settings = null, SimulatedErp? erp = null, IAdapterStateStore? state = null)
    {
        var configured = new SimulatorSettings
        {
            Hub = hub,
            ApiKey = landlord.ApiKey,
            Organization = landlord.OrganizationId,
            Desk = landlord.Desk,
            Seed = seed,
            Rate = 0,
            Verbose = false,
            ReportInterval = TimeSpan.FromHours(1),
        };
        var host = SimulatorHost.Build(settings?.Invoke(configured) ?? configured, TextWriter.Null, erp, state, Fast);
        await host.StartAsync();
        return new Running(host);
    }

    /// <summary>The Files adapter over <paramref name="folder"/>; exports settle for <paramref name="settleTime"/> (default 200 ms: the tests' exports are renamed in whole).</summary>
    public static async Task<Running> FilesAsync(Uri hub, Landlord landlord, string folder, TextWriter? output = null, TimeSpan? settleTime = null)
    {
        var host = FilesHost.Build(
            new FilesSettings
            {
                Hub = hub,
                ApiKey = landlord.ApiKey,
                Organization = landlord.OrganizationId,
                Desk = landlord.Desk,
                Folder = folder,
                PollInterval = TimeSpan.FromMilliseconds(50),
                SettleTime = settleTime ?? TimeSpan.FromMilliseconds(200),
            },
            output ?? TextWriter.Null,
            configure: Fast);
        await host.StartAsync();
        return new Running(host);
    }

    /// <summary>A new simulated ERP over the default code tables, in memory.</summary>
    public static SimulatedErp NewErp(int seed) =>
        new(SimulatorHost.ReferencePrefix(seed), new ConfigurationBuilder().AddInMemoryCollection(ErpCodes.Mappings).Build().GetSection("Adapter:Mappings"), TimeProvider.System);

    /// <summary>Stops and disposes the host; a second call does nothing (tests stop it before deleting its folders).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await Host.StopAsync();
        Host.Dispose();
    }
}
