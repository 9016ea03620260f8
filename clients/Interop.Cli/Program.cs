using Interop.Cli;
using Interop.Cli.Admin;
using Interop.Cli.Dedup;
using Interop.Cli.Demo;

// The `interop` command line. Commands:
//   demo --hub URL   register a few demo applications and show what the hub answers
//   dedup --input FILE.csv --output CLUSTERS.csv   deduplicate a whole stock in-process (matching core, no hub)
//   org-create / org-list / key-issue / key-revoke --hub URL --key KEY …   administer organisations and keys
return await CommandLine.RunAsync(args, new Dictionary<string, Func<CommandArguments, Task<int>>>
{
    ["demo"] = DemoCommand.RunAsync,
    ["dedup"] = DedupCommand.RunAsync,
    ["org-create"] = AdminCommands.CreateOrganizationAsync,
    ["org-list"] = AdminCommands.ListOrganizationsAsync,
    ["key-issue"] = AdminCommands.IssueKeyAsync,
    ["key-revoke"] = AdminCommands.RevokeKeyAsync,
});
