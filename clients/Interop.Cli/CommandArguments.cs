namespace Interop.Cli;

/// <summary>The options of one command: <c>--name value</c> pairs.</summary>
internal sealed class CommandArguments(IReadOnlyDictionary<string, string> options)
{
    public string Required(string name) =>
        options.TryGetValue(name, out var value) ? value : throw new UsageException($"--{name} is required.");

    public string Optional(string name, string fallback) => options.GetValueOrDefault(name, fallback);

    public static CommandArguments Parse(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        using var cursor = args.GetEnumerator();
        while (cursor.MoveNext())
        {
            var name = cursor.Current;
            if (!name.StartsWith("--", StringComparison.Ordinal) || !cursor.MoveNext())
            {
                throw new UsageException($"Expected --name value pairs, got '{name}'.");
            }

            options[name[2..]] = cursor.Current;
        }

        return new CommandArguments(options);
    }
}
