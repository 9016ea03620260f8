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
}
