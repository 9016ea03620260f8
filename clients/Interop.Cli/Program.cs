using Interop.Cli;
using Interop.Cli.Dedup;
using Interop.Cli.Demo;

// The `interop` command line. Commands:
//   demo --hub URL   register a few demo applications and show what the hub answers
//   dedup --input FILE.csv --output CLUSTERS.csv   deduplicate a whole stock in-process (matching core, no hub)
return await CommandLine.RunAsync(args, new Dictionary<string, Func<CommandArguments, Task<int>>>
{
    ["demo"] = DemoCommand.RunAsync,
    ["dedup"] = DedupCommand.RunAsync,
});
