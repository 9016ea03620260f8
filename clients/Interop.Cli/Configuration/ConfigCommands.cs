using System.CommandLine;
using Interop.Cli.CommandLine;
using Interop.Cli.Output;

namespace Interop.Cli.Configuration;

/// <summary><c>interop config set-profile|list|path</c>: the profile file, without ever printing a key.</summary>
internal static class ConfigCommands
{
    public static Command Create()
    {
        var config = new Command("config", "Profiles of hub address and key, in $XDG_CONFIG_HOME/interop/config.json (else ~/.config/interop/config.json).");
        config.Subcommands.Add(SetProfile());
        config.Subcommands.Add(List());
        var path = new Command("path", "Print the path of the profile file.");
        CliAction.Set(path, (_, _) =>
        {
            Console.Out.WriteLine(ProfileFile.PathOf());
            return Task.FromResult(ExitCodes.Ok);
        });
        config.Subcommands.Add(path);
        return config;
    }

    private static Command SetProfile()
    {
        var name = new Argument<string>("NAME") { Description = "Profile name; \"default\" is used when no --profile is given." };
        var hub = new Option<string?>("--hub") { Description = "Hub address, e.g. https://interop.example.fr.", HelpName = "URL" };
        var keyStdin = new Option<bool>("--key-stdin") { Description = "Read the API key from the first line of standard input (keeps it out of the shell history)." };
        var command = new Command("set-profile", "Create or change a profile: its hub address and/or its key.") { name, hub, keyStdin };
        CliAction.Set(command, (parse, _) =>
        {
            var file = ProfileFile.Load();
            var profileName = parse.GetRequiredValue(name);
            var profile = file.Profiles.GetValueOrDefault(profileName) ?? new Profile();
            if (parse.GetValue(hub) is { } address)
            {
                profile.Hub = HubSettings.ParseAddress(address).ToString();
            }

            if (parse.GetValue(keyStdin))
            {
                var key = Console.In.ReadLine()?.Trim();
                profile.Key = string.IsNullOrEmpty(key) ? throw new UsageException("--key-stdin: standard input held no key.") : key;
            }

            file.Profiles[profileName] = profile;
            file.Save();
            Console.Out.WriteLine($"profile {profileName} saved in {ProfileFile.PathOf()}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }

    private static Command List()
    {
        var command = new Command("list", "List the profiles: name, hub, whether a key is set (never the key).");
        CliAction.Set(command, (_, _) =>
        {
            var table = new TableWriter(Console.Out, ("PROFILE", 12), ("HUB", 36), ("KEY", 0));
            foreach (var (name, profile) in ProfileFile.Load().Profiles.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                table.Row(name, profile.Hub ?? "-", string.IsNullOrEmpty(profile.Key) ? "unset" : "set");
            }

            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
