using System.CommandLine;

namespace Interop.Cli.Output;

/// <summary>An option taking one contract enum value by its kebab-case name, with completions and a clear error.</summary>
internal static class CodeOption
{
    public static Option<T?> Create<T>(string name, string description)
        where T : struct, Enum
    {
        var names = CodeNames.All<T>();
        var option = new Option<T?>(name)
        {
            Description = description + " One of: " + string.Join(", ", names) + ".",
            HelpName = string.Join('|', names),
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (CodeNames.TryParse<T>(text, out var value))
                {
                    return value;
                }

                result.AddError($"{name} '{text}' is not one of: {string.Join(", ", names)}.");
                return null;
            },
        };
        // Only the kebab-case names: the parser would also offer the C# ones.
        option.CompletionSources.Clear();
        option.CompletionSources.Add(names);
        return option;
    }
}
