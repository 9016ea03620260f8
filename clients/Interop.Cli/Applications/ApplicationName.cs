using Interop.Cli.CommandLine;

namespace Interop.Cli.Applications;

/// <summary>An application as typed (its number, or its resource name <c>applications/{number}</c>) as the contract names it.</summary>
internal static class ApplicationName
{
    private const string Prefix = "applications/";

    public static string From(string typed)
    {
        var number = typed.Trim();
        if (number.StartsWith(Prefix, StringComparison.Ordinal))
        {
            number = number[Prefix.Length..];
        }

        return number.Length is > 0 and <= 20 && number.All(char.IsAsciiLetterOrDigit)
            ? Prefix + number.ToUpperInvariant()
            : throw new UsageException($"'{typed}' is not an application number (1 to 20 letters and digits, or applications/NUMBER).");
    }
}
