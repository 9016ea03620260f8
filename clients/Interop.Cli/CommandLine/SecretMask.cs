namespace Interop.Cli.CommandLine;

/// <summary>
/// Hides what looks like an API key in text the parser builds from the command
/// line: a mistyped option (<c>--ky ik_…</c>, or <c>--key</c> where a command
/// takes none) makes its value an unmatched token, which the parser's error and
/// typo suggestion would otherwise print word for word to a CI log.
/// </summary>
internal static class SecretMask
{
    private const string Hidden = "…";

    /// <summary>The tokens of <paramref name="args"/> that may be a key: ours (<c>ik_…</c>), the value after an option that starts like <c>--key</c>, and the key of the environment.</summary>
    public static IReadOnlyList<string> SecretsIn(IReadOnlyList<string> args)
    {
        var secrets = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var afterKeyOption = i > 0 && args[i - 1].StartsWith("--k", StringComparison.OrdinalIgnoreCase);
            if (args[i].StartsWith("ik_", StringComparison.Ordinal) || (afterKeyOption && !args[i].StartsWith('-')))
            {
                secrets.Add(args[i]);
            }

            var inline = args[i].IndexOf('=', StringComparison.Ordinal);
            if (args[i].StartsWith("--k", StringComparison.OrdinalIgnoreCase) && inline > 0)
            {
                secrets.Add(args[i][(inline + 1)..]);
            }
        }

        var environment = Environment.GetEnvironmentVariable("INTEROP_API_KEY");
        if (!string.IsNullOrEmpty(environment))
        {
            secrets.Add(environment);
        }

        return secrets.Where(secret => secret.Length > 0).OrderByDescending(secret => secret.Length).ToList();
    }

    public static string Apply(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            text = text.Replace(secret, Hidden, StringComparison.Ordinal);
        }

        return text;
    }
}
