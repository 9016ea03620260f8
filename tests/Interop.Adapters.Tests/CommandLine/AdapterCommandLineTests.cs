using Interop.Adapters.Files.Hosting;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Simulator.Hosting;

namespace Interop.Adapters.Tests.CommandLine;

/// <summary>The two hosts' command lines as an operator types them (no hub needed to list dead letters).</summary>
public sealed class AdapterCommandLineTests
{
    [Fact]
    public async Task FilesHost_DeadLettersList_TakesTheHostsOptions_AndListsAnEmptyState()
    {
        var folder = Directory.CreateTempSubdirectory("files-cli-");
        var code = await FilesCommandLine.RunAsync(
            ["dead-letters", "list", "--hub", "http://127.0.0.1:9", "--api-key", "ik_test", "--organization", "bailleur-x", "--folder", folder.FullName]);
        Assert.Equal(DeadLetterCommand.Done, code);
        Assert.True(Directory.Exists(Path.Combine(folder.FullName, "inbox")));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task SimulatorHost_DeadLettersReplayWithoutAnId_IsAUsageError()
    {
        var folder = Directory.CreateTempSubdirectory("simulator-cli-");
        var code = await SimulatorCommandLine.RunAsync(
            ["dead-letters", "replay", "--hub", "http://127.0.0.1:9", "--api-key", "ik_test", "--organization", "bailleur-y", "--data", folder.FullName]);
        Assert.Equal(DeadLetterCommand.UsageError, code);
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("files")]
    [InlineData("simulator")]
    public async Task AMistypedHubAddress_IsAUsageError_NamingTheValue_BeforeAnyHostStarts(string host)
    {
        var folder = Directory.CreateTempSubdirectory("adapter-cli-");
        string[] args = host == "files"
            ? ["--hub", "127.0.0.1:5080", "--api-key", "ik_test", "--organization", "bailleur-x", "--folder", folder.FullName]
            : ["--hub", "127.0.0.1:5080", "--api-key", "ik_test", "--organization", "bailleur-x", "--data", folder.FullName];
        var error = new StringWriter();
        var code = host == "files" ? await FilesCommandLine.RunAsync(args, error) : await SimulatorCommandLine.RunAsync(args, error);

        Assert.Equal(DeadLetterCommand.UsageError, code);
        Assert.Contains("--hub '127.0.0.1:5080' is not an http:// or https:// address", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullName));
        folder.Delete(recursive: true);
    }

    [Theory]
    [InlineData("files")]
    [InlineData("simulator")]
    public async Task AMissingApiKey_IsOneUsageLine_NotAnException(string host)
    {
        Assert.Null(Environment.GetEnvironmentVariable(AdapterHostOptions.ApiKeyVariable));
        var folder = Directory.CreateTempSubdirectory("adapter-cli-");
        string[] args = host == "files"
            ? ["--hub", "http://127.0.0.1:9", "--organization", "bailleur-x", "--folder", folder.FullName]
            : ["dead-letters", "list", "--hub", "http://127.0.0.1:9", "--organization", "bailleur-x", "--data", folder.FullName];
        var error = new StringWriter();
        var code = host == "files" ? await FilesCommandLine.RunAsync(args, error) : await SimulatorCommandLine.RunAsync(args, error);

        Assert.Equal(DeadLetterCommand.UsageError, code);
        Assert.Equal("Give the landlord's API key with --api-key or INTEROP_API_KEY.", error.ToString().Trim());
        Assert.Empty(Directory.GetFileSystemEntries(folder.FullName));
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AMappingFileThatDoesNotExist_IsAUsageError_NamingIt()
    {
        var error = new StringWriter();
        var code = await FilesCommandLine.RunAsync(
            ["--hub", "http://127.0.0.1:9", "--api-key", "ik_test", "--organization", "bailleur-x", "--folder", "/nonexistent/files", "--config", "/nonexistent/mappings.json"], error);

        Assert.Equal(DeadLetterCommand.UsageError, code);
        Assert.Equal("--config '/nonexistent/mappings.json' does not exist.", error.ToString().Trim());
    }
}
