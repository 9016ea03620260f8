using System.CommandLine;
using Interop.Adapters.Sdk.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Files.Hosting;

/// <summary>
/// <c>Interop.Adapters.Files --hub … --api-key … --organization … --folder DIR</c> runs the adapter
/// until Ctrl-C; <c>… dead-letters list|replay [id|--all]</c> works on its dead letters (stop it first).
/// </summary>
public static class FilesCommandLine
{
    private static readonly Option<string> Folder = new("--folder") { Description = "Root of inbox/, done/, failed/, outbox/ and state/.", Required = true };

    private static readonly Option<double> SettleSeconds = new("--settle-seconds")
    {
        Description = "Seconds an export's size and last-write time must stay unchanged before it is read (an ERP may write it in place); 0 reads it at once.",
        DefaultValueFactory = _ => 2,
    };

    /// <summary>Parses and runs; returns the exit code (usage errors go to <paramref name="error"/>, standard error by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        var root = new RootCommand("The Files adapter: CSV exports dropped in inbox/ go to the Interop hub; the hub's changes come out as files in outbox/.");
        var hostOptions = new AdapterHostOptions();
        hostOptions.AddTo(root);
        // Recursive: the dead-letters verb builds the same host, so it takes the same options.
        Folder.Recursive = true;
        root.Options.Add(Folder);
        SettleSeconds.Recursive = true;
        root.Options.Add(SettleSeconds);

        root.SetAction(async (parse, cancellationToken) =>
        {
            using var host = FilesHost.Build(Settings(hostOptions, parse));
            await AdapterCommandLine.RunAsync(host, cancellationToken);
            return 0;
        });
        root.Subcommands.Add(DeadLetterCommand.Create(parse => FilesHost.Build(Settings(hostOptions, parse), TextWriter.Null)));
        return await AdapterCommandLine.InvokeAsync(root, args, error, hostOptions);
    }

    private static FilesSettings Settings(AdapterHostOptions host, ParseResult parse)
    {
        var common = host.Read(parse);
        return new FilesSettings
        {
            Hub = common.Hub,
            ApiKey = common.ApiKey,
            Organization = common.Organization,
            Desk = common.Desk,
            Folder = parse.GetRequiredValue(Folder),
            SettleTime = TimeSpan.FromSeconds(Math.Clamp(parse.GetValue(SettleSeconds), 0, 3600)),
            ConfigFile = common.ConfigFile,
        };
    }
}
