using System.Globalization;
using System.Text.RegularExpressions;
using Interop.Adapters.Sdk.CommandLine;
using Interop.Adapters.Sdk.State;
using Interop.Testing;

namespace Interop.Adapters.Tests.Files;

/// <summary>One Files adapter process per folder: a second copy (a systemd unit plus a manual run) is refused, not interleaved.</summary>
public sealed class FilesStateLockTests : IDisposable
{
    // Nothing listens there: these tests are about the state, not the hub (the adapter retries and keeps running).
    private const string NoHub = "http://127.0.0.1:9";

    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("files-lock-");

    private string StatePath => Path.Combine(folder.FullName, "state", "adapter-state.json");

    private string HolderPath => StatePath + ".holder";

    [Fact]
    public async Task ASecondAdapterProcessOnTheSameFolder_ExitsWithCode3AndOneLineNamingTheState_AndOnceTheFirstIsKilledTheStateOpens()
    {
        await using var first = ChildProcess.Start("dotnet", [Program, .. Options()], ApiKey());

        // The holder names itself in the holder file once it holds the lock (renamed into place: whole once there).
        var holderFile = new FileInfo(HolderPath);
        await Eventually.TrueAsync(
            () =>
            {
                Assert.False(first.HasExited, $"The first adapter exited with code {(first.HasExited ? first.ExitCode : 0)}:\n{first.Combined}");
                holderFile.Refresh();
                return holderFile.Exists;
            },
            "the first adapter holding its state",
            timeoutSeconds: 60);

        var second = await ChildProcess.RunAsync("dotnet", [Program, .. Options()], ApiKey());

        Assert.True(second.ExitCode == AdapterCommandLine.StateInUse, $"exit code {second.ExitCode}:\n{second.Output}\n{second.Error}");
        Assert.Contains($"The adapter state {StatePath} is in use by another adapter process", second.Error, StringComparison.Ordinal);
        // The holder named, as a refused SQL adapter names the session holding its database's state.
        Assert.Contains($": pid {first.Id} on {Environment.MachineName} since ", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", second.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", second.Error + second.Output, StringComparison.Ordinal);
        Assert.False(first.HasExited, "the first adapter must keep running");

        // The test process is refused too, as any other process is.
        var refusal = Assert.Throws<AdapterStateInUseException>(() => FileAdapterStateStore.Open(StatePath));
        Assert.Contains(StatePath, refusal.Message, StringComparison.Ordinal);
        Assert.Contains($": pid {first.Id} on ", refusal.Message, StringComparison.Ordinal);

        // kill -9: no graceful stop, yet the operating system releases the lock with the process.
        first.Kill();
        await first.WaitForExitAsync(TimeSpan.FromSeconds(30));
        // Its holder file stays behind, stale: it does not stop the next holder, which names itself in it.
        Assert.Equal(first.Id.ToString(CultureInfo.InvariantCulture), File.ReadAllLines(HolderPath)[0]);
        using (var reopened = FileAdapterStateStore.Open(StatePath))
        {
            Assert.Empty(await reopened.ListDeadLettersAsync(default));
            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllLines(HolderPath)[0]);
        }

        Assert.False(File.Exists(HolderPath), "a released lock leaves no holder file");

        // Released by the store's disposal: the adapter's own verb opens it again.
        var list = await ChildProcess.RunAsync("dotnet", [Program, "dead-letters", "list", .. Options()], ApiKey());
        Assert.True(list.ExitCode == 0, $"exit code {list.ExitCode}:\n{list.Output}\n{list.Error}");
        Assert.Contains("0 dead letters", list.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(HolderPath), "the verb's process released the lock and removed its holder file");
    }

    [Fact]
    public async Task TheDeadLettersVerb_WhileAStoreHoldsTheState_IsRefusedWithTheMessage_NotAStackTrace()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        using var held = FileAdapterStateStore.Open(StatePath);
        var error = new StringWriter();

        var code = await Adapters.Files.Hosting.FilesCommandLine.RunAsync(["dead-letters", "list", .. Options(), "--api-key", "ik_test_lock"], error);

        Assert.Equal(AdapterCommandLine.StateInUse, code);
        Assert.Matches(
            $@"^The adapter state {Regex.Escape(StatePath)} is in use by another adapter process \(or another store in this one\): "
            + $@"pid {Environment.ProcessId} on {Regex.Escape(Environment.MachineName)} since \d{{4}}-\d\d-\d\d \d\d:\d\d:\d\dZ\. One process per state: stop the other one first\.$",
            error.ToString().Trim());
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static string Program => AdapterProgram.PathOf("Interop.Adapters.Files");

    private string[] Options() => ["--hub", NoHub, "--organization", "bailleur-lock", "--folder", folder.FullName];

    // The key in the environment, as an operator keeps it out of the process list.
    private static Dictionary<string, string?> ApiKey() => new() { ["INTEROP_API_KEY"] = "ik_test_lock" };
}
