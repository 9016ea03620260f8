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
    /// <summary>
    /// The host (not started), holding the SDK's state in the ERP's database: a second adapter on the same database
    /// is refused here (<see cref="AdapterStateInUseException"/>), before any loop, feed subscription or ERP call.
    /// The outbox must be installed (<see cref="Schema.ErpSchema.InstallAsync"/>). Disposing it releases the state.
    /// </summary>
    public static async Task<IHost> BuildAsync(SqlSettings settings, Action<AdapterOptions>? configure, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var erp = NpgsqlDataSource.Create(settings.ErpConnectionString);
        SqlAdapterStateStore? state = null;
        try
        {
            state = await SqlAdapterStateStore.OpenAsync(erp, cancellationToken);
            var host = Build(settings, erp, state, configure);

            // Resolved now, in this order, so the container owns both and disposes them in reverse: the state (its
            // unlock) before the data source it runs on, whether the host ever starts or not.
            _ = host.Services.GetRequiredService<NpgsqlDataSource>();
            _ = host.Services.GetRequiredService<IAdapterStateStore>();
            return host;
        }
        catch
        {
            if (state is not null)
            {
                await state.DisposeAsync();
            }

            await erp.DisposeAsync();
            throw;
        }
    }

    private static IHost Build(SqlSettings settings, NpgsqlDataSource erp, SqlAdapterStateStore state, Action<AdapterOptions>? configure)
    {
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(SqlErpCodes.Mappings);
        if (settings.ConfigFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));

        // Factories, not instances: the container disposes what its factories return, not instances given to it.
        builder.Services.AddSingleton(_ => erp);
        builder.Services.AddSingleton(_ => InteropClient.Create(new InteropClientOptions { Address = settings.Hub, ApiKey = settings.ApiKey }));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => new DossierTranslator(provider.GetRequiredService<IConfiguration>().GetSection("Adapter:Mappings")));
        builder.Services.AddSingleton<IErpChangeSource>(provider => new OutboxSource(provider.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddSingleton<IHubChangeSink>(provider => new DossierWriter(provider.GetRequiredService<NpgsqlDataSource>(), provider.GetRequiredService<DossierTranslator>()));
        builder.Services.AddSingleton<IAdapterStateStore>(_ => state);
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
