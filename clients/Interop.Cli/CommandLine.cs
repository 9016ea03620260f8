namespace Interop.Cli;

/// <summary>Dispatches <c>interop COMMAND --option value…</c> and turns usage errors into exit code 2.</summary>
internal static class CommandLine
{
    public static async Task<int> RunAsync(string[] args, IReadOnlyDictionary<string, Func<CommandArguments, Task<int>>> commands)
    {
        if (args.Length == 0 || !commands.TryGetValue(args[0], out var command))
        {
            await Console.Error.WriteLineAsync($"usage: interop <{string.Join("|", commands.Keys)}> [--option value]...");
            return 2;
        }

        try
        {
            return await command(CommandArguments.Parse(args.Skip(1)));
        }
        catch (UsageException usage)
        {
            await Console.Error.WriteLineAsync($"interop {args[0]}: {usage.Message}");
            return 2;
        }
    }
}
