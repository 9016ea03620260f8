using System.Globalization;
using System.Text.RegularExpressions;
using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Sdk.Tests.State;

public sealed class FileAdapterStateStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("adapter-state-");

    [Fact]
    public async Task Reopened_HasTheMarkerLinksAppliedChangesAndDeadLetters_AndNoTemporaryFileLeft()
    {
        var path = Path.Combine(folder.FullName, "state.json");
        var deadLetter = new DeadLetter { Id = Guid.NewGuid(), Direction = DeadLetterDirection.Inbound, ChangeId = "change-2", Reason = "refused", DeadLetteredAt = DateTimeOffset.UnixEpoch, HubChange = [1, 2, 3] };
        using (var store = FileAdapterStateStore.Open(path))
        {
            await store.SetOutboundMarkerAsync("42", default);
            await store.SaveLinkAsync(new ApplicationLink("014-26-0000001", "erp-7", 3), default);
            await store.MarkAppliedAsync("change-1", default);
            await store.AddDeadLetterAsync(deadLetter, default);
        }

        using var reopened = FileAdapterStateStore.Open(path);

        Assert.Equal("42", await reopened.GetOutboundMarkerAsync(default));
        Assert.Equal(new ApplicationLink("014-26-0000001", "erp-7", 3), await reopened.FindByErpRecordAsync("erp-7", default));
        Assert.True(await reopened.WasAppliedAsync("change-1", default));
        Assert.False(await reopened.WasAppliedAsync("change-2", default));
        var stored = Assert.Single(await reopened.ListDeadLettersAsync(default));
        Assert.Equal(deadLetter.Id, stored.Id);
        Assert.Equal([1, 2, 3], stored.HubChange);
        // Held: the state, its lock and the file naming the holder; no temporary file of either.
        Assert.Equal(["state.json", "state.json.holder", "state.json.lock"], folder.GetFiles().Select(f => f.Name).Order(StringComparer.Ordinal));
        // Dead letters hold applicants' personal data: the file is its owner's only.
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Open_AFileThatIsNotAState_ThrowsInvalidDataNamingIt()
    {
        var path = Path.Combine(folder.FullName, "state.json");
        File.WriteAllText(path, "not json");

        var refusal = Assert.Throws<InvalidDataException>(() => FileAdapterStateStore.Open(path));

        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
    }

    public void Dispose() => folder.Delete(recursive: true);

    [Fact]
    public async Task TheSameDeadLetterAddedTwice_IsStoredOnce_AndStillOnceAfterReopening()
    {
        var path = Path.Combine(folder.FullName, "twice.json");
        var deadLetter = new DeadLetter
        {
            Id = Guid.NewGuid(), Direction = DeadLetterDirection.Outbound, ChangeId = "c-1", Reason = "refused", DeadLetteredAt = DateTimeOffset.UnixEpoch,
        };

        using (var store = FileAdapterStateStore.Open(path))
        {
            await store.AddDeadLetterAsync(deadLetter, CancellationToken.None);
            await store.AddDeadLetterAsync(deadLetter with { DeadLetteredAt = DateTimeOffset.UnixEpoch.AddDays(1) }, CancellationToken.None);
            Assert.Single(await store.ListDeadLettersAsync(CancellationToken.None));
        }

        using var reopened = FileAdapterStateStore.Open(path);
        Assert.Single(await reopened.ListDeadLettersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ASecondStoreOnTheSameFile_IsRefusedNamingThePath_AndOpensOnceTheFirstIsDisposed()
    {
        var path = Path.Combine(folder.FullName, "held.json");
        var first = FileAdapterStateStore.Open(path);
        await first.SetOutboundMarkerAsync("7", default);

        // Another path to the same file (relative, with a detour) is the same state.
        var detour = Path.GetRelativePath(Environment.CurrentDirectory, Path.Combine(folder.FullName, "..", folder.Name, "held.json"));
        var refusal = Assert.Throws<AdapterStateInUseException>(() => FileAdapterStateStore.Open(detour));

        Assert.Contains(path, refusal.Message, StringComparison.Ordinal);
        Assert.Contains("in use by another adapter process", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("7", await first.GetOutboundMarkerAsync(default));
        // The refused store wrote nothing: the holder's state is intact and still its own.
        await first.SetOutboundMarkerAsync("8", default);

        first.Dispose();
        using var second = FileAdapterStateStore.Open(path);
        Assert.Equal("8", await second.GetOutboundMarkerAsync(default));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await first.SetOutboundMarkerAsync("9", default));
        Assert.Equal("8", await second.GetOutboundMarkerAsync(default));
    }

    [Fact]
    public void ASecondStoreOnTheSameFile_IsRefusedNamingTheHolder_ItsProcessIdMachineAndSinceWhen()
    {
        var path = Path.Combine(folder.FullName, "named.json");
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        using var first = FileAdapterStateStore.Open(path);
        var after = DateTimeOffset.UtcNow.AddSeconds(1);

        var refusal = Assert.Throws<AdapterStateInUseException>(() => FileAdapterStateStore.Open(path));

        var named = Regex.Match(refusal.Message, @": pid (\d+) on (.+) since (\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ)\. One process per state: stop the other one first\.$");
        Assert.True(named.Success, refusal.Message);
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), named.Groups[1].Value);
        Assert.Equal(Environment.MachineName, named.Groups[2].Value);
        var since = DateTimeOffset.Parse(named.Groups[3].Value, CultureInfo.InvariantCulture);
        Assert.InRange(since, before, after);
    }

    [Fact]
    public void TheLockFile_HoldsTheHoldersProcessId_ForTheOperator()
    {
        var path = Path.Combine(folder.FullName, "pid.json");
        using (FileAdapterStateStore.Open(path))
        {
        }

        // Read once released: while held, .NET's own reads of it are refused as well (cat is not).
        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllText(path + ".lock").Trim());
    }

    [Fact]
    public void WhileHeld_TheHolderFileNamesTheHolder_PrivateToItsOwner_AndReleasedItIsGone()
    {
        var path = Path.Combine(folder.FullName, "released.json");
        var holderPath = path + ".holder";
        using (FileAdapterStateStore.Open(path))
        {
            var lines = File.ReadAllLines(holderPath);
            Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), lines[0]);
            Assert.Equal(Environment.MachineName, lines[1]);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(holderPath));
            }
        }

        Assert.False(File.Exists(holderPath), "a released lock leaves no holder file");
        Assert.False(File.Exists(holderPath + ".tmp"));
        Assert.True(File.Exists(path + ".lock"), "the lock file stays (deleting it would let two processes hold it)");
    }

    [Fact]
    public void AStaleHolderFileOfAKilledHolder_DoesNotStopTheNextOne_WhichNamesItselfInIt()
    {
        var path = Path.Combine(folder.FullName, "stale.json");
        File.WriteAllText(path + ".holder", "999999\ngone-host\n2020-01-01T00:00:00Z\n");

        using var next = FileAdapterStateStore.Open(path);

        Assert.Equal(Environment.ProcessId.ToString(CultureInfo.InvariantCulture), File.ReadAllLines(path + ".holder")[0]);
        var refusal = Assert.Throws<AdapterStateInUseException>(() => FileAdapterStateStore.Open(path));
        Assert.Contains($": pid {Environment.ProcessId} on {Environment.MachineName} since ", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("999999", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4242\n")]
    [InlineData("not a pid\nhost\n2026-12-01T08:30:00Z\n")]
    public void ARefusal_WhenTheHolderFileIsMissingOrNotWhole_NamesTheLockFileInstead(string? holderText)
    {
        var path = Path.Combine(folder.FullName, "fallback.json");
        using var first = FileAdapterStateStore.Open(path);
        File.Delete(path + ".holder");
        if (holderText is not null)
        {
            File.WriteAllText(path + ".holder", holderText);
        }

        var refusal = Assert.Throws<AdapterStateInUseException>(() => FileAdapterStateStore.Open(path));

        Assert.EndsWith($": one process per state. Stop the other one first; its process id is in {path}.lock.", refusal.Message, StringComparison.Ordinal);
    }
}
