using System.CommandLine;

namespace Interop.Adapters.Sdk.CommandLine;

/// <summary>Runs an adapter host's command line with the exit codes of <see cref="DeadLetterCommand"/>.</summary>
public static class AdapterCommandLine
{
    /// <summary>
    /// Parses <paramref name="args"/>; a usage error (an unknown option, a missing or malformed value) prints one
    /// line per error to <paramref name="error"/> (standard error by default) and returns <see cref="DeadLetterCommand.UsageError"/> without building
    /// the host; otherwise runs the chosen action and returns its exit code.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args, TextWriter? error = null)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parse = root.Parse(args);
        if (parse.Errors.Count == 0 || IsHelpOrVersion(args))
        {
            return await parse.InvokeAsync();
        }

        foreach (var message in parse.Errors)
        {
            await (error ?? Console.Error).WriteLineAsync(message.Message);
        }

        return DeadLetterCommand.UsageError;
    }

    private static bool IsHelpOrVersion(string[] args) =>
        args.Any(a => a is "-h" or "--help" or "-?" or "--version");
}
