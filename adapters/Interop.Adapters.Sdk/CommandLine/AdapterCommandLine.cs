using System.CommandLine;
using Interop.Adapters.Sdk.State;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>Runs an adapter host's command line with the exit codes of <see cref="DeadLetterCommand"/>.</summary>
public static class AdapterCommandLine
{
    /// <summary>
    /// Exit code when the adapter's state is held by another process (<see cref="AdapterStateInUseException"/>):
    /// nothing ran; the message, naming the state, is one line on standard error.
    /// </summary>
    public const int StateInUse = 3;

    /// <summary>
    /// Parses <paramref name="args"/>; a usage error (an unknown option, a missing or malformed value, and with
    /// <paramref name="hostOptions"/> a missing API key) prints one line per error to <paramref name="error"/>
    /// (standard error by default) and returns <see cref="DeadLetterCommand.UsageError"/> without building
    /// the host; otherwise runs the chosen action and returns its exit code. A state held by another process
    /// (<see cref="AdapterStateInUseException"/>, from the run or a <c>dead-letters</c> verb) is its message on
    /// <paramref name="error"/> and <see cref="StateInUse"/>, not a stack trace.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter? error = null, AdapterHostOptions? hostOptions = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        if (IsHelpOrVersion(args))
        {
            return await parse.InvokeAsync();
        }

        IEnumerable<string> errors = [.. parse.Errors.Select(e => e.Message)];
        if (!errors.Any() && hostOptions?.Check(parse) is { } missing)
        {
            errors = [missing];
        }

        if (!errors.Any())
        {
            return await InvokeParsedAsync(parse, error ?? Console.Error);
        }

        foreach (var message in errors)
        {
            await (error ?? Console.Error).WriteLineAsync(message);
        }

        return DeadLetterCommand.UsageError;
    }

    /// <summary>
    /// Runs an adapter's host until <paramref name="cancellationToken"/> (Ctrl-C, SIGTERM) stops it, taking its
    /// <see cref="IAdapterStateStore"/> first: a second copy of the adapter on the same state stops there with
    /// <see cref="AdapterStateInUseException"/>, before any loop, feed subscription or ERP call starts.
    /// </summary>
    public static async Task RunAsync(IHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        _ = host.Services.GetRequiredService<IAdapterStateStore>();
        await host.RunAsync(cancellationToken);
    }

    private static async Task<int> InvokeParsedAsync(ParseResult parse, TextWriter error)
    {
        // System.CommandLine's own handler would print the exception with its stack trace; this one says
        // what the operator must do in one line. Anything else is reported as that handler does.
        var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (AdapterStateInUseException e)
        {
            await error.WriteLineAsync(e.Message);
            return StateInUse;
        }
        catch (OperationCanceledException)
        {
            return 1;
        }
        catch (Exception e)
        {
            await configuration.Error.WriteLineAsync("Unhandled exception: " + e);
            return 1;
        }
    }

    private static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");
}
