using Interop.Adapters.Files.Inbox;
using Interop.Adapters.Files.Outbox;
using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Files.Hosting;

/// <summary>Builds the host of the Files adapter: the inbox as the SDK's source, the outbox as its sink, the state in <c>state/</c>.</summary>
public static class FilesHost
{
    /// <summary>The host (not started); <paramref name="state"/> replaces the state file (tests).</summary>
    public static IHost Build(FilesSettings settings, TextWriter? output = null, IAdapterStateStore? state = null, Action<AdapterOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var folders = new FilesFolders(settings.Folder).Create();
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(FilesCodes.Mappings);
        if (settings.ConfigFile is { } file)
        {
            builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
        }

        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(20));
        var writer = TextWriter.Synchronized(output ?? Console.Out);
        var statePath = Path.Combine(folders.State, "adapter-state.json");

        // Created by the container, so disposed with the host (started or not): the state file's lock is
        // taken when the host first needs the state and released when the host is disposed. A state given
        // by the caller stays the caller's.
        builder.Services.AddSingleton(_ => InteropClient.Create(new InteropClientOptions { Address = settings.Hub, ApiKey = settings.ApiKey }));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(folders);
        if (state is null)
        {
            builder.Services.AddSingleton<IAdapterStateStore>(_ => FileAdapterStateStore.Open(statePath));
        }
        else
        {
            builder.Services.AddSingleton(state);
        }

        builder.Services.AddSingleton(provider =>
        {
            var source = new InboxSource(folders, provider.GetRequiredService<IAdapterStateStore>(), TimeProvider.System, settings.SettleTime);
            source.Finished += (name, failed, rejected) =>
                writer.WriteLine($"[{settings.Organization}] file {name} → {(failed ? "failed/" : "done/")} ({rejected} line(s) rejected, see its .report.txt)");
            return source;
        });
        builder.Services.AddSingleton(provider =>
        {
            var sink = new OutboxSink(folders, provider.GetRequiredService<IConfiguration>().GetSection("Adapter:Mappings"));
            sink.Written += name => writer.WriteLine($"[{settings.Organization}] outbox ← {name}");
            return sink;
        });
        builder.Services.AddSingleton<IErpChangeSource>(provider => provider.GetRequiredService<InboxSource>());
        builder.Services.AddSingleton<IHubChangeSink>(provider => provider.GetRequiredService<OutboxSink>());
        builder.Services.AddInteropAdapter(builder.Configuration.GetSection("Adapter"), o =>
        {
            o.OrganizationId = settings.Organization;
            o.RegisteringDesk = settings.Desk;
            o.SubscriptionId = "files";
            o.Departements.Add(settings.Departement);
            o.PollInterval = settings.PollInterval;
            o.FailureDelay = TimeSpan.FromSeconds(1);
            configure?.Invoke(o);
        });
        return builder.Build();
    }
}
