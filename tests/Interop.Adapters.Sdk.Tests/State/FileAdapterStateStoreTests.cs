using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Sdk.Tests.State;

public sealed class FileAdapterStateStoreTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("adapter-state-");

    [Fact]
    public async Task Reopened_HasTheMarkerLinksAppliedChangesAndDeadLetters_AndNoTemporaryFileLeft()
    {
        var path = Path.Combine(folder.FullName, "state.json");
        var store = FileAdapterStateStore.Open(path);
        await store.SetOutboundMarkerAsync("42", default);
        await store.SaveLinkAsync(new ApplicationLink("014-26-0000001", "erp-7", 3), default);
        await store.MarkAppliedAsync("change-1", default);
        var deadLetter = new DeadLetter { Id = Guid.NewGuid(), Direction = DeadLetterDirection.Inbound, ChangeId = "change-2", Reason = "refused", DeadLetteredAt = DateTimeOffset.UnixEpoch, HubChange = [1, 2, 3] };
        await store.AddDeadLetterAsync(deadLetter, default);

        var reopened = FileAdapterStateStore.Open(path);

        Assert.Equal("42", await reopened.GetOutboundMarkerAsync(default));
        Assert.Equal(new ApplicationLink("014-26-0000001", "erp-7", 3), await reopened.FindByErpRecordAsync("erp-7", default));
        Assert.True(await reopened.WasAppliedAsync("change-1", default));
        Assert.False(await reopened.WasAppliedAsync("change-2", default));
        var stored = Assert.Single(await reopened.ListDeadLettersAsync(default));
        Assert.Equal(deadLetter.Id, stored.Id);
        Assert.Equal([1, 2, 3], stored.HubChange);
        Assert.Equal(["state.json"], folder.GetFiles().Select(f => f.Name));
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
        var store = FileAdapterStateStore.Open(path);
        var deadLetter = new DeadLetter
        {
            Id = Guid.NewGuid(), Direction = DeadLetterDirection.Outbound, ChangeId = "c-1", Reason = "refused", DeadLetteredAt = DateTimeOffset.UnixEpoch,
        };

        await store.AddDeadLetterAsync(deadLetter, CancellationToken.None);
        await store.AddDeadLetterAsync(deadLetter with { DeadLetteredAt = DateTimeOffset.UnixEpoch.AddDays(1) }, CancellationToken.None);

        Assert.Single(await store.ListDeadLettersAsync(CancellationToken.None));
        Assert.Single(await FileAdapterStateStore.Open(path).ListDeadLettersAsync(CancellationToken.None));
    }
}
