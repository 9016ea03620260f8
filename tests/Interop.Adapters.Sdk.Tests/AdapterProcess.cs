using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Sdk.Tests;

/// <summary>
/// An adapter as an integrator runs it: a generic host with the SDK's workers over an ERP and a
/// state store, calling the hub through the client library. Stopping it is a graceful shutdown;
/// a crash is a new process over whatever state survived. It owns its state store as a process does
/// (disposed with it).
/// </summary>
public sealed class AdapterProcess : IAsyncDisposable
{
    /// <summary>The code tables of the test ERPs, as an integrator writes them in appsettings.json.</summary>
    public static readonly IReadOnlyDictionary<string, string?> Mappings = new Dictionary<string, string?>
    {
        ["Adapter:Mappings:current_housing:LOCPRIV"] = "HOUSING_SITUATION_PRIVATE_TENANT",
        ["Adapter:Mappings:current_housing:HOTEL"] = "HOUSING_SITUATION_HOTEL",
        ["Adapter:Mappings:reason_codes:DIVORCE"] = "09",
        ["Adapter:Mappings:reason_codes:SANSLOGT"] = "01",
        ["Adapter:Mappings:proposal.typology:F3"] = "TYPOLOGY_T3",
        ["Adapter:Mappings:proposal.reservation_holder:PROPRE"] = "RESERVATION_HOLDER_NONE",
        ["Adapter:Mappings:proposal.reservation_holder:MAIRIE"] = "RESERVATION_HOLDER_LOCAL_AUTHORITY",
        ["Adapter:Mappings:lease.collective_agreement:SANS"] = "COLLECTIVE_AGREEMENT_NONE",
    };

    private readonly IHost host;
    private readonly InteropClient client;
    private readonly IAdapterStateStore state;

    private AdapterProcess(IHost host, InteropClient client, IAdapterStateStore state)
    {
        this.host = host;
        this.client = client;
        this.state = state;
    }

    public DeadLetterQueue DeadLetters => host.Services.GetRequiredService<DeadLetterQueue>();

    /// <summary>The host's configuration, which an operator may change while it runs (a mapping added).</summary>
    public IConfiguration Configuration => host.Services.GetRequiredService<IConfiguration>();

    public Diagnostics.AdapterMetrics Metrics => host.Services.GetRequiredService<Diagnostics.AdapterMetrics>();

    public static async Task<AdapterProcess> StartAsync(AdapterHub hub, Landlord landlord, InMemoryErp erp, IAdapterStateStore state, Action<AdapterOptions>? configure = null)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(Mappings);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        var client = InteropClient.Create(new InteropClientOptions { Address = hub.Hub.Address, ApiKey = landlord.ApiKey });
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IErpChangeSource>(erp);
        builder.Services.AddSingleton<IHubChangeSink>(erp);
        builder.Services.AddSingleton(state);
        builder.Services.AddInteropAdapter(builder.Configuration.GetSection("Adapter"), o =>
        {
            o.OrganizationId = landlord.OrganizationId;
            o.RegisteringDesk = landlord.Desk;
            o.SubscriptionId = "erp";
            o.Departements.Add("14");
            o.PollInterval = TimeSpan.FromMilliseconds(50);
            o.FailureDelay = TimeSpan.FromMilliseconds(200);
            o.ErpRetryDelay = TimeSpan.FromMilliseconds(10);
            configure?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        return new AdapterProcess(host, client, state);
    }

    /// <summary>A graceful shutdown: the change in hand is finished and its position stored.</summary>
    public async Task StopAsync() => await host.StopAsync();

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        client.Dispose();

        // The process's end releases its state (a file store's lock), so a new process may open it.
        (state as IDisposable)?.Dispose();
    }
}
