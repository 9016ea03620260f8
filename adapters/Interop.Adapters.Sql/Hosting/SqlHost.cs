using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sql.Erp;
using Interop.Adapters.Sql.Outbox;
using Interop.Adapters.Sql.State;
using Interop.Adapters.Sql.WriteBack;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Interop.Adapters.Sql.Hosting;

/// <summary>Builds the host of the SQL adapter: the outbox as the SDK's source, the dossier writer as its sink, the state in the ERP's database.</summary>
public static class SqlHost
{
    /// <summary>The host (not started). The outbox must be installed (<see cref="Schema.ErpSchema.InstallAsync"/>).</summary>
    public static IHost Build(SqlSettings settings, Action<AdapterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(SqlErpCodes.Mappings);
        if (settings.ConfigFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        // Created by the container, so disposed with the host (started or not): the state's lock is taken when
        // the host first needs the state and released before the data source closes.
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(settings.ErpConnectionString));
        builder.Services.AddSingleton(_ => InteropClient.Create(new InteropClientOptions { Address = settings.Hub, ApiKey = settings.ApiKey }));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => new DossierTranslator(provider.GetRequiredService<IConfiguration>().GetSection("Adapter:Mappings")));
        builder.Services.AddSingleton<IErpChangeSource>(provider => new OutboxSource(provider.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<IHubChangeSink>(provider => new DossierWriter(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<DossierTranslator>()));
        builder.Services.AddSingleton<IAdapterStateStore>(provider => SqlAdapterStateStore.Open(provider.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddInteropAdapter(builder.Configuration.GetSection("Adapter"), o =>
        {
            o.OrganizationId = settings.Organization;
            o.RegisteringDesk = settings.Desk;
            o.SubscriptionId = "sql";
            o.Departements.Add(settings.Departement);
            o.PollInterval = settings.PollInterval;
            o.FailureDelay = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        return builder.Build();
    }
}
