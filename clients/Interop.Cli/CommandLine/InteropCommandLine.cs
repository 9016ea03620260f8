using System.CommandLine;
using System.CommandLine.Invocation;
using Interop.Cli.Admin;
using Interop.Cli.Applications;
using Interop.Cli.Audit;
using Interop.Cli.Configuration;
using Interop.Cli.Dedup;
using Interop.Cli.Demo;
using Interop.Cli.Exchange;
using Interop.Cli.Export;
using Interop.Cli.Feed;
using Interop.Cli.Matching;

namespace Interop.Cli.CommandLine;

/// <summary>
/// The <c>interop</c> command tree on System.CommandLine: help on every command, typo
/// suggestions, completions through the <c>[suggest]</c> directive (dotnet-suggest), and
/// the exit codes of <see cref="ExitCodes"/>.
/// </summary>
internal static class InteropCommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "interop: the command line of the Interop hub, the shared file of social-housing applications.\n\n" +
            "Connection: --hub and --key, else INTEROP_HUB and INTEROP_API_KEY, else the profile (--profile NAME, else INTEROP_PROFILE, " +
            "else \"default\") of $XDG_CONFIG_HOME/interop/config.json (see `interop config`). Keys are never printed.\n\n" +
            ExitCodes.HelpText)
        {
            ApplicationsCommand.Create(),
            MatchesCommand.Create(),
            ReviewCommand.Create(),
            FeedTailCommand.Create(),
            ExportCommand.Create(),
            ExchangeCommand.Create(),
            AuditCommand.Create(),
            ConfigCommands.Create(),
            DedupCommand.Create(),
            DemoCommand.Create(),
        };
        foreach (var admin in AdminCommands.Create())
        {
            root.Subcommands.Add(admin);
        }

        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var parse = Build().Parse(args);
        var invocation = new InvocationConfiguration
        {
            // Every action reports its own failures (CliAction); the rest would be a bug worth its stack trace.
            EnableDefaultExceptionHandler = false,
            // Time for feed tail to acknowledge what it printed after Ctrl-C.
            ProcessTerminationTimeout = TimeSpan.FromSeconds(10),
        };
        if (parse.Action is ParseErrorAction errors)
        {
            // One line like every other error, then the parser's typo suggestions, all on
            // stderr; and exit 2, since System.CommandLine's 1 is ours for the hub's refusals.
            // Both go through the mask: an unmatched token may be a key typed after a mistyped option.
            var secrets = SecretMask.SecretsIn(args);
            await Console.Error.WriteLineAsync(SecretMask.Apply(
                "interop: " + string.Join("; ", parse.Errors.Select(e => ErrorReport.OneLine(e.Message).TrimEnd('.'))), secrets));
            errors.ShowHelp = false;
            errors.ShowTypoCorrections = true;
            using var suggestions = new StringWriter();
            await parse.InvokeAsync(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null });
            await Console.Error.WriteAsync(SecretMask.Apply(suggestions.ToString(), secrets));
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(invocation);
    }
}
