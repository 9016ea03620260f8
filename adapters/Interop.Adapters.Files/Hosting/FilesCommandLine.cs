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
    private static readonly Option<string> Hub = HubAddressOption.Create();
    private static readonly Option<string> ApiKey = new("--api-key") { Description = "The landlord's API key (or INTEROP_API_KEY)." };
    private static readonly Option<string> Organization = new("--organization") { Description = "The landlord's organisation id at the hub.", Required = true };
    private static readonly Option<string> Desk = new("--desk") { Description = "The registering desk of its registrations.", DefaultValueFactory = _ => "B0001" };
    private static readonly Option<string> Folder = new("--folder") { Description = "Root of inbox/, done/, failed/, outbox/ and state/.", Required = true };
    private static readonly Option<string?> Config = new("--config") { Description = "A JSON file with the landlord's Adapter:Mappings tables." };

    /// <summary>Parses and runs; returns the exit code (usage errors go to <paramref name="error"/>, standard error by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        var root = new RootCommand("The Files adapter: CSV exports dropped in inbox/ go to the Interop hub; the hub's changes come out as files in outbox/.");
        foreach (var option in new Option[] { Hub, ApiKey, Organization, Desk, Folder, Config })
        {
            // Recursive: the dead-letters verb builds the same host, so it takes the same options.
            option.Recursive = true;
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            using var host = FilesHost.Build(Settings(parse));
            await host.RunAsync(cancellationToken);
            return 0;
        });
        root.Subcommands.Add(DeadLetterCommand.Create(parse => FilesHost.Build(Settings(parse), TextWriter.Null)));
        return await AdapterCommandLine.InvokeAsync(root, args, error);
    }

    private static FilesSettings Settings(ParseResult parse) => new()
    {
        Hub = HubAddressOption.Parse(parse.GetRequiredValue(Hub)),
        ApiKey = parse.GetValue(ApiKey) ?? Environment.GetEnvironmentVariable("INTEROP_API_KEY")
            ?? throw new InvalidOperationException("Give the landlord's API key with --api-key or INTEROP_API_KEY."),
        Organization = parse.GetRequiredValue(Organization),
        Desk = parse.GetValue(Desk) ?? "B0001",
        Folder = parse.GetRequiredValue(Folder),
        ConfigFile = parse.GetValue(Config),
    };
}
