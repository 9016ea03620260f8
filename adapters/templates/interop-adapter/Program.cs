using System.CommandLine;
using Interop.Adapters.Sdk;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MyAdapter.Erp;

// MyAdapter --hub http://127.0.0.1:5080 --api-key ik_… --organization bailleur-x --desk B0001 --erp /srv/erp
// runs until Ctrl-C; "MyAdapter dead-letters list|replay …" works on its dead letters (stop it first).
var hostOptions = new AdapterHostOptions();
var erpFolder = new Option<string>("--erp") { Description = "The toy ERP's folder (outbox.jsonl in, inbox/ out) and the adapter's state.", Required = true, Recursive = true };
var root = new RootCommand("MyAdapter: a landlord ERP connected to the Interop hub through the adapter SDK.");
hostOptions.AddTo(root);
root.Options.Add(erpFolder);
root.SetAction(async (parse, cancellationToken) =>
{
    using var host = Build(parse);
    await AdapterCommandLine.RunAsync(host, cancellationToken);
    return 0;
});
root.Subcommands.Add(DeadLetterCommand.Create(Build));
return await AdapterCommandLine.InvokeAsync(root, args, hostOptions: hostOptions);

IHost Build(ParseResult parse)
{
    var common = hostOptions.Read(parse);
    var folder = Path.GetFullPath(parse.GetRequiredValue(erpFolder));
    var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
    // The mapping tables: appsettings.json beside the program (read from there wherever it is started), then --config.
    builder.Configuration.SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: false);
    if (common.ConfigFile is { } file)
    {
        builder.Configuration.AddJsonFile(Path.GetFullPath(file), optional: false, reloadOnChange: true);
    }

    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information);
    var erp = new ToyErp(folder, builder.Configuration.GetSection("Adapter:Mappings"));
    builder.Services.AddSingleton(_ => InteropClient.Create(new InteropClientOptions { Address = common.Hub, ApiKey = common.ApiKey }));
    builder.Services.AddSingleton<IErpChangeSource>(erp);
    builder.Services.AddSingleton<IHubChangeSink>(erp);
    // A factory, so the host disposes the store and releases its lock: one adapter process per state file.
    builder.Services.AddSingleton<IAdapterStateStore>(_ => FileAdapterStateStore.Open(Path.Combine(folder, "adapter-state.json")));
    builder.Services.AddInteropAdapter(builder.Configuration.GetSection("Adapter"), o =>
    {
        o.OrganizationId = common.Organization;
        o.RegisteringDesk = common.Desk;
        o.Departements.Add(builder.Configuration["Adapter:Departement"] ?? "14");
    });
    return builder.Build();
}
