using Interop.Cli;
using Interop.Cli.Demo;

// The `interop` command line. Commands:
//   demo --hub URL   register a few demo applications and show what the hub answers
return await CommandLine.RunAsync(args, new Dictionary<string, Func<CommandArguments, Task<int>>>
{
    ["demo"] = DemoCommand.RunAsync,
});
