using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>
/// The profile file, <c>$XDG_CONFIG_HOME/interop/config.json</c>, and the order in which a
/// command finds its hub and key: flag, then environment, then profile.
/// </summary>
[Collection(CliCollection.Name)]
public sealed class ProfileTests(InstalledCli cli, CliHub hub) : IClassFixture<CliHub>, IDisposable
{
    private readonly string configHome = Directory.CreateTempSubdirectory("interop-config-").FullName;

    public void Dispose() => Directory.Delete(configHome, recursive: true);

    [Fact]
    public async Task SetProfile_WithTheKeyOnStdin_IsUsedByDefaultAndNeverShown()
    {
        var saved = await cli.RunAsync(["config", "set-profile", "default", "--hub", hub.Url, "--key-stdin"], Home(), hub.RegistrarKey + "\n");
        var listed = await cli.RunAsync(["config", "list"], Home());
        var used = await cli.RunAsync(["applications", "list"], Home());

        Assert.True(saved.ExitCode == 0, saved.Error);
        Assert.DoesNotContain(hub.RegistrarKey, saved.Output + listed.Output, StringComparison.Ordinal);
        Assert.Matches(@"default\s+http://127\.0\.0\.1:\d+/\s+set", listed.Output);
        Assert.True(used.ExitCode == 0, used.Error);
        var file = Path.Combine(configHome, "interop", "config.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task HandWrittenFile_InTheDocumentedFormat_SelectsItsProfileByName()
    {
        await WriteConfigAsync($$"""
            {
              "profiles": {
                "default": { "hub": "http://127.0.0.1:1", "key": "wrong" },
                "caen": { "hub": "{{hub.Url}}", "key": "{{hub.RegistrarKey}}" }
              }
            }
            """);

        var named = await cli.RunAsync(["applications", "list", "--profile", "caen"], Home());
        var fromEnvironment = await cli.RunAsync(["applications", "list"], Home(("INTEROP_PROFILE", "caen")));
        var byDefault = await cli.RunAsync(["applications", "list", "--timeout", "5"], Home());
        var unknown = await cli.RunAsync(["applications", "list", "--profile", "lyon"], Home());

        Assert.True(named.ExitCode == 0, named.Error);
        Assert.True(fromEnvironment.ExitCode == 0, fromEnvironment.Error);
        Assert.Equal(3, byDefault.ExitCode);
        Assert.Equal(2, unknown.ExitCode);
        Assert.StartsWith("interop: no profile 'lyon' in ", unknown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Precedence_FlagBeatsEnvironmentBeatsProfile()
    {
        await WriteConfigAsync($$"""{ "profiles": { "default": { "hub": "http://127.0.0.1:1", "key": "profile-key" } } }""");
        var environment = Home(("INTEROP_HUB", hub.Url), ("INTEROP_API_KEY", hub.RegistrarKey));

        var environmentOverProfile = await cli.RunAsync(["applications", "list"], environment);
        var flagOverEnvironment = await cli.RunAsync(["applications", "list", "--key", "ik_wrong_flag_key"], environment);

        Assert.True(environmentOverProfile.ExitCode == 0, environmentOverProfile.Error);
        Assert.Equal(4, flagOverEnvironment.ExitCode);
        Assert.StartsWith("interop: UNAUTHENTICATED", flagOverEnvironment.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MalformedFile_IsAUsageErrorNamingTheFile()
    {
        await WriteConfigAsync("{ not json");

        var result = await cli.RunAsync(["applications", "list"], Home());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("config.json is not a valid profile file", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetProfile_WithAnAddressThatIsNotAUrl_IsAUsageErrorAndWritesNothing()
    {
        var result = await cli.RunAsync(["config", "set-profile", "default", "--hub", "127.0.0.1:5080"], Home());

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("interop: the hub address '127.0.0.1:5080' is not an http:// or https:// URL.", result.Error.Trim());
        Assert.False(File.Exists(Path.Combine(configHome, "interop", "config.json")));
    }

    [Fact]
    public async Task ConfigPath_FollowsXdgConfigHome()
    {
        var result = await cli.RunAsync(["config", "path"], Home());

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Path.Combine(configHome, "interop", "config.json"), result.Output.Trim());
    }

    [Fact]
    public async Task ConfigList_OfAMalformedFile_IsAUsageError()
    {
        await WriteConfigAsync("""{ "profiles": { "default": { "hub": 5 } } }""");

        var result = await cli.RunAsync(["config", "list"], Home());

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a valid profile file", result.Error, StringComparison.Ordinal);
    }

    private async Task WriteConfigAsync(string json)
    {
        Directory.CreateDirectory(Path.Combine(configHome, "interop"));
        await File.WriteAllTextAsync(Path.Combine(configHome, "interop", "config.json"), json);
    }

    private Dictionary<string, string?> Home(params (string Key, string Value)[] variables)
    {
        var environment = new Dictionary<string, string?> { ["XDG_CONFIG_HOME"] = configHome };
        foreach (var (key, value) in variables)
        {
            environment[key] = value;
        }

        return environment;
    }
}
