using System.CommandLine;

namespace Interop.Cli.CommandLine;

/// <summary>
/// Options shared by every command that talks to the hub. One instance each, added to
/// every such command, so <c>--help</c> describes them the same way everywhere.
/// </summary>
internal static class CliOptions
{
    public static readonly Option<string?> Hub = new("--hub")
    {
        Description = "Hub address, e.g. http://127.0.0.1:5080 (else INTEROP_HUB, else the profile).",
        HelpName = "URL",
    };

    // No default value is ever shown for the key: help output must not echo a secret.
    public static readonly Option<string?> Key = new("--key")
    {
        Description = "API key of your organisation (else INTEROP_API_KEY, else the profile). Never printed.",
        HelpName = "KEY",
    };

    public static readonly Option<string?> Profile = new("--profile")
    {
        Description = "Profile of the config file to use (else INTEROP_PROFILE, else \"default\").",
        HelpName = "NAME",
    };

    public static readonly Option<double> Timeout = new("--timeout")
    {
        Description = "Seconds each attempt of a call may take (an unavailable hub is retried a few times within seconds, then exit code 3).",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => 30,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print protobuf JSON (one object per line for lists and streams) instead of human text.",
    };

    /// <summary>Adds the connection options (and <c>--json</c> where the command prints hub data).</summary>
    public static T WithConnection<T>(this T command, bool json = true)
        where T : Command
    {
        command.Options.Add(Hub);
        command.Options.Add(Key);
        command.Options.Add(Profile);
        command.Options.Add(Timeout);
        if (json)
        {
            command.Options.Add(Json);
        }

        return command;
    }
}
