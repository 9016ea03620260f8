using System.CommandLine;
using Interop.Cli.Configuration;
using Interop.Cli.Connection;

namespace Interop.Cli.CommandLine;

/// <summary>Sets a command's action so that every failure ends as one stderr line and a documented exit code.</summary>
internal static class CliAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (parse, cancellation) =>
        {
            try
            {
                return await action(parse, cancellation);
            }
            catch (Exception failure)
            {
                return ErrorReport.Write(failure, cancellation.IsCancellationRequested, HubOf(parse));
            }
        });

    /// <summary>An action that talks to the hub given by <c>--hub</c>/<c>--key</c>, the environment or the profile.</summary>
    public static void SetWithHub(Command command, Func<ParseResult, HubConnection, CancellationToken, Task<int>> action) =>
        Set(command, async (parse, cancellation) =>
        {
            using var hub = HubConnection.Open(HubSettings.From(parse));
            return await action(parse, hub, cancellation);
        });

    /// <summary>The address an unreachable-hub message names, when it can be told without failing again.</summary>
    private static Uri? HubOf(ParseResult parse)
    {
        try
        {
            return HubSettings.From(parse).Hub;
        }
        catch (UsageException)
        {
            return null;
        }
    }
}
