using System.CommandLine;
using Interop.Adapters.Sdk.CommandLine;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Simulator.Hosting;

/// <summary>
/// <c>Interop.Adapters.Simulator --hub … --api-key … --organization … [--seed N] [--rate R] [--steps N] [--data DIR]</c>
/// runs one simulated landlord until Ctrl-C; <c>… dead-letters list|replay [id|--all]</c> works on its dead letters
/// (with <c>--data</c>: the state of a stopped run).
/// </summary>
public static class SimulatorCommandLine
{
    private static readonly Option<int> Seed = new("--seed") { Description = "The seed of its traffic and of its own households.", DefaultValueFactory = _ => 1 };
    private static readonly Option<double> Rate = new("--rate") { Description = "Traffic actions per second (0: only follow the hub).", DefaultValueFactory = _ => 2 };
    private static readonly Option<int?> Steps = new("--steps") { Description = "Stop the traffic after this many actions (the ERP keeps following the hub)." };
    private static readonly Option<string?> Data = new("--data") { Description = "Folder of the ERP's and the adapter's files (default: in memory)." };
    private static readonly Option<double> ReportSeconds = new("--report-seconds") { Description = "Seconds between two counts lines.", DefaultValueFactory = _ => 5 };
    private static readonly Option<int> Shared = new("--shared-households") { Description = "How many households every landlord may type (the duplicates the hub catches).", DefaultValueFactory = _ => 30 };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Only the counts lines, not one line per event." };

    /// <summary>Parses and runs; returns the exit code (usage errors go to <paramref name="error"/>, standard error by default).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter? error = null)
    {
        var root = new RootCommand("A simulated landlord ERP (its own schema and codes) connected to the Interop hub through the adapter SDK, with seeded traffic.");
        var hostOptions = new AdapterHostOptions();
        hostOptions.AddTo(root);
        foreach (var option in new Option[] { Seed, Rate, Steps, Data, ReportSeconds, Shared, Quiet })
        {
            // Recursive: the dead-letters verb builds the same host, so it takes the same options.
            option.Recursive = true;
            root.Options.Add(option);
        }

        root.SetAction(async (parse, cancellationToken) =>
        {
            using var host = SimulatorHost.Build(Settings(hostOptions, parse));
            await AdapterCommandLine.RunAsync(host, cancellationToken);
            return 0;
        });
        root.Subcommands.Add(DeadLetterCommand.Create(parse => SimulatorHost.Build(Settings(hostOptions, parse) with { Rate = 0 }, TextWriter.Null)));
        return await AdapterCommandLine.InvokeAsync(root, args, error, hostOptions);
    }

    private static SimulatorSettings Settings(AdapterHostOptions host, ParseResult parse) => Settings(host.Read(parse), parse);

    private static SimulatorSettings Settings(AdapterHostArguments common, ParseResult parse) => new()
    {
        Hub = common.Hub,
        ApiKey = common.ApiKey,
        Organization = common.Organization,
        Desk = common.Desk,
        Seed = parse.GetValue(Seed),
        Rate = parse.GetValue(Rate),
        Steps = parse.GetValue(Steps),
        DataFolder = parse.GetValue(Data),
        ConfigFile = common.ConfigFile,
        ReportInterval = TimeSpan.FromSeconds(Math.Max(0.5, parse.GetValue(ReportSeconds))),
        SharedHouseholds = Math.Max(0, parse.GetValue(Shared)),
        Verbose = !parse.GetValue(Quiet),
    };
}
