using System.CommandLine;
using Interop.Cli.CommandLine;

namespace Interop.Cli.Configuration;

/// <summary>
/// The hub and key a command uses, each taken from the first that has it: the flag
/// (<c>--hub</c>, <c>--key</c>), the environment (<c>INTEROP_HUB</c>, <c>INTEROP_API_KEY</c>),
/// then the profile (<c>--profile</c>, else <c>INTEROP_PROFILE</c>, else <c>default</c>).
/// </summary>
internal sealed record HubSettings(Uri Hub, string Key, TimeSpan Timeout)
{
    public const string HubVariable = "INTEROP_HUB";
    public const string KeyVariable = "INTEROP_API_KEY";
    public const string ProfileVariable = "INTEROP_PROFILE";
    public const string DefaultProfile = "default";

    public static HubSettings From(ParseResult parse)
    {
        var profile = FindProfile(parse.GetValue(CliOptions.Profile));
        var hub = FirstOf(parse.GetValue(CliOptions.Hub), Environment.GetEnvironmentVariable(HubVariable), profile?.Hub)
            ?? throw new UsageException($"no hub address: give --hub URL, set {HubVariable}, or a profile ({ProfileFile.PathOf()}).");
        var key = FirstOf(parse.GetValue(CliOptions.Key), Environment.GetEnvironmentVariable(KeyVariable), profile?.Key)
            ?? throw new UsageException($"no API key: give --key, set {KeyVariable}, or a profile ({ProfileFile.PathOf()}).");
        return new HubSettings(ParseAddress(hub), key, ParseTimeout(parse.GetValue(CliOptions.Timeout)));
    }

    public static Uri ParseAddress(string hub) =>
        Uri.TryCreate(hub, UriKind.Absolute, out var address) && (address.Scheme == Uri.UriSchemeHttp || address.Scheme == Uri.UriSchemeHttps)
            ? address
            : throw new UsageException($"the hub address '{hub}' is not an http:// or https:// URL.");

    public static TimeSpan ParseTimeout(double seconds) =>
        seconds > 0 && seconds <= 86_400
            ? TimeSpan.FromSeconds(seconds)
            : throw new UsageException("--timeout must be a number of seconds above 0.");

    private static Profile? FindProfile(string? option)
    {
        var name = FirstOf(option, Environment.GetEnvironmentVariable(ProfileVariable));
        var profiles = ProfileFile.Load().Profiles;
        if (name is null)
        {
            return profiles.GetValueOrDefault(DefaultProfile);
        }

        return profiles.TryGetValue(name, out var profile)
            ? profile
            : throw new UsageException($"no profile '{name}' in {ProfileFile.PathOf()}.");
    }

    private static string? FirstOf(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

    // The key stays out of every string this record may end up in (logs, errors, debugger).
    public override string ToString() => $"HubSettings {{ Hub = {Hub}, Timeout = {Timeout} }}";
}
