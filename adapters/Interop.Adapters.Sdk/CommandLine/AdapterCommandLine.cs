using System.CommandLine;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>Runs an adapter host's command line with the exit codes of <see cref="DeadLetterCommand"/>.</summary>
public static class AdapterCommandLine
{
    /// <summary>
    /// Parses <paramref name="args"/>; a usage error (an unknown option, a missing or malformed value, and with
    /// <paramref name="hostOptions"/> a missing API key) prints one line per error to <paramref name="error"/>
    /// (standard error by default) and returns <see cref="DeadLetterCommand.UsageError"/> without building
    /// the host; otherwise runs the chosen action and returns its exit code.
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
            return await parse.InvokeAsync();
        }

        foreach (var message in errors)
        {
            await (error ?? Console.Error).WriteLineAsync(message);
        }

        return DeadLetterCommand.UsageError;
    }

    private static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");
}
