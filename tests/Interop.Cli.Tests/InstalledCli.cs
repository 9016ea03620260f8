using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>
/// The command line as a user gets it: the already built project packed as a .NET tool
/// (<c>dotnet pack --no-build</c>) into a temporary folder and installed from there with
/// <c>dotnet tool install --tool-path</c>, once per test run, offline (a config file whose
/// only source is that folder, and a private package cache so an older package of the same
/// version is never picked up). Tests run <see cref="ToolPath"/>.
/// </summary>
public sealed class InstalledCli : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("interop-cli-tool-").FullName;

    public string ToolPath => Path.Combine(folder, "tools", "interop");

    /// <summary>A HOME and XDG_CONFIG_HOME of the tests' own, so a developer's profile never leaks in.</summary>
    public string Home => Path.Combine(folder, "home");

    public async Task InitializeAsync()
    {
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var project = Path.Combine(RepositoryRoot(testDirectory), "clients", "Interop.Cli", "Interop.Cli.csproj");
        var packages = Path.Combine(folder, "packages");
        var build = new Dictionary<string, string?>
        {
            ["MSBUILDDISABLENODEREUSE"] = "1",
            ["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0",
            ["MSBUILDTERMINALLOGGER"] = "off",
            ["DOTNET_NOLOGO"] = "1",
        };
        var packed = await ChildProcess.RunAsync(
            "dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages], build, timeout: TimeSpan.FromMinutes(3));
        Assert.True(packed.ExitCode == 0, "dotnet pack failed:\n" + packed.Output + packed.Error);

        var config = Path.Combine(folder, "nuget.config");
        await File.WriteAllTextAsync(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="interop-cli" value="{packages}" />
              </packageSources>
            </configuration>
            """);
        // A private package cache: the user's may hold an older Interop.Cli of the same version.
        var install = new Dictionary<string, string?>(build) { ["NUGET_PACKAGES"] = Path.Combine(folder, "nuget-cache") };
        var installed = await ChildProcess.RunAsync(
            "dotnet", ["tool", "install", "--tool-path", Path.Combine(folder, "tools"), "--configfile", config, "Interop.Cli"], install, timeout: TimeSpan.FromMinutes(2));
        Assert.True(installed.ExitCode == 0, "dotnet tool install failed:\n" + installed.Output + installed.Error);
        Directory.CreateDirectory(Home);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    /// <summary>Runs the installed tool to its end.</summary>
    public Task<ChildProcess.Result> RunAsync(params string[] arguments) => RunAsync(arguments, environment: null);

    public Task<ChildProcess.Result> RunAsync(string[] arguments, IDictionary<string, string?>? environment, string? standardInput = null) =>
        ChildProcess.RunAsync(ToolPath, arguments, Environment(environment), standardInput);

    /// <summary>Starts the installed tool and leaves it running (feed tail).</summary>
    public ChildProcess Start(string[] arguments, IDictionary<string, string?>? environment = null) =>
        ChildProcess.Start(ToolPath, arguments, Environment(environment));

    private Dictionary<string, string?> Environment(IDictionary<string, string?>? overrides)
    {
        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = Home,
            ["XDG_CONFIG_HOME"] = Path.Combine(Home, ".config"),
            ["INTEROP_HUB"] = null,
            ["INTEROP_API_KEY"] = null,
            ["INTEROP_PROFILE"] = null,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return environment;
    }

    private static string RepositoryRoot(DirectoryInfo start)
    {
        for (var folder = start; folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Interop.sln")))
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException("No Interop.sln above " + start.FullName);
    }
}
