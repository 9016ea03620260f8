using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Sdk.Tests.State;

/// <summary>
/// The state stores' answer to "which outbound dead letters does this ERP record hold", asked after every
/// change the hub accepts: the SDK's own stores from their index, a store written before the query from
/// the interface's default, the same letters either way.
/// </summary>
public sealed class OutboundDeadLettersOfARecordTests : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("adapter-state-");

    public static TheoryData<string> Stores => ["in memory", "file", "file reopened", "written before the query"];

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task TheRecordsOutboundLetters_OldestFirst_WithoutInboundOnesOrOtherRecords_AndNoneOnceRemoved(string kind)
    {
        var path = Path.Combine(folder.FullName, "state.json");
        IAdapterStateStore store = kind == "in memory" ? new InMemoryAdapterStateStore() : FileAdapterStateStore.Open(path);
        var first = Letter("c-1", "r1", DeadLetterDirection.Outbound, minutes: 1);
        var second = Letter("c-3", "r1", DeadLetterDirection.Outbound, minutes: 3);
        await store.AddDeadLetterAsync(first, default);
        await store.AddDeadLetterAsync(Letter("c-2", "r2", DeadLetterDirection.Outbound, minutes: 2), default);
        await store.AddDeadLetterAsync(second, default);
        await store.AddDeadLetterAsync(Letter("hub-4", "r1", DeadLetterDirection.Inbound, minutes: 4), default);
        if (kind == "file reopened")
        {
            ((IDisposable)store).Dispose();
        }

        store = kind switch
        {
            "file reopened" => FileAdapterStateStore.Open(path),
            "written before the query" => new StateStoreWrittenBeforeTheQuery(store),
            _ => store,
        };

        Assert.Equal([first.Id, second.Id], (await store.ListOutboundDeadLettersAsync("r1", default)).Select(d => d.Id));
        Assert.Empty(await store.ListOutboundDeadLettersAsync("r9", default));

        Assert.True(await store.RemoveDeadLetterAsync(first.Id, default));
        Assert.Equal([second.Id], (await store.ListOutboundDeadLettersAsync("r1", default)).Select(d => d.Id));
        Assert.True(await store.RemoveDeadLetterAsync(second.Id, default));
        Assert.Empty(await store.ListOutboundDeadLettersAsync("r1", default));
        Assert.Single(await store.ListOutboundDeadLettersAsync("r2", default));
        (store as IDisposable)?.Dispose();
    }

    public void Dispose() => folder.Delete(recursive: true);

    private static DeadLetter Letter(string changeId, string record, DeadLetterDirection direction, int minutes) => new()
    {
        Id = Guid.NewGuid(),
        Direction = direction,
        ChangeId = changeId,
        ErpRecordId = direction == DeadLetterDirection.Outbound ? record : null,
        Application = direction == DeadLetterDirection.Inbound ? "applications/014-26-0000001" : null,
        Reason = "refused",
        DeadLetteredAt = DateTimeOffset.UnixEpoch.AddMinutes(minutes),
    };
}
