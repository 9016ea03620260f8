using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>Which outbound dead letters a later accepted change of the same record removes, and which stay.</summary>
public sealed class SupersededDeadLettersTests
{
    private readonly InMemoryAdapterStateStore state = new();

    [Fact]
    public async Task AnAcceptedLease_RemovesTheRefusedLeaseOfItsRecord_AndNothingElse()
    {
        await DeadLetterAsync(Change("1", "r1", ErpChangeKind.Attribute));
        await DeadLetterAsync(Change("2", "r1", ErpChangeKind.Update, "resources"));
        await DeadLetterAsync(Change("3", "r2", ErpChangeKind.Attribute));
        await state.AddDeadLetterAsync(Letter(Change("hub-9", "r1", ErpChangeKind.Attribute), DeadLetterDirection.Inbound), default);

        var removed = await new SupersededDeadLetters(state, NullLogger.Instance).ResolveAsync(Change("4", "r1", ErpChangeKind.Attribute), default);

        Assert.Equal(1, removed);
        Assert.Equal(["2", "3", "hub-9"], (await state.ListDeadLettersAsync(default)).Select(d => d.ChangeId).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnAcceptedUpdate_RemovesARefusedUpdate_OnlyWhenItNamesEveryFieldTheRefusedOneDid()
    {
        await DeadLetterAsync(Change("1", "r1", ErpChangeKind.Update, "resources", "current_housing"));
        var superseded = new SupersededDeadLetters(state, NullLogger.Instance);

        // Only the income corrected: the refused housing change is still to be sent, its letter stays.
        Assert.Equal(0, await superseded.ResolveAsync(Change("2", "r1", ErpChangeKind.Update, "resources"), default));
        Assert.Single(await state.ListDeadLettersAsync(default));

        Assert.Equal(1, await superseded.ResolveAsync(Change("3", "r1", ErpChangeKind.Update, "current_housing", "resources", "wishes"), default));
        Assert.Empty(await state.ListDeadLettersAsync(default));
    }

    [Fact]
    public async Task ALetterStoredWhileItsRecordIsBeingResolved_IsRemovedByTheNextAcceptedChangeThatSupersedesIt()
    {
        var store = new InterleavingStateStore(state);
        var superseded = new SupersededDeadLetters(store, NullLogger.Instance);
        await DeadLetterAsync(Change("1", "r1", ErpChangeKind.Attribute));
        var refusedMeanwhile = Change("3", "r1", ErpChangeKind.Update, "resources");
        // Another outbound worker dead-letters a change of the same record while the lease's letter is removed.
        store.OnNextRemoval(() => DeadLetterAsync(refusedMeanwhile));

        Assert.Equal(1, await superseded.ResolveAsync(Change("2", "r1", ErpChangeKind.Attribute), default));
        Assert.Equal(["3"], (await state.ListDeadLettersAsync(default)).Select(d => d.ChangeId));

        Assert.Equal(1, await superseded.ResolveAsync(Change("4", "r1", ErpChangeKind.Update, "resources"), default));
        Assert.Empty(await state.ListDeadLettersAsync(default));
    }

    [Fact]
    public async Task ALetterAddedThroughASecondSdkInstanceOnTheSameStore_IsRemovedByTheFirst()
    {
        var first = new SupersededDeadLetters(state, NullLogger.Instance);
        // The first instance resolved a change of the record before the letter existed.
        Assert.Equal(0, await first.ResolveAsync(Change("1", "r1", ErpChangeKind.Register), default));

        // The second instance (another process on the same store) dead-letters a lease of that record.
        await DeadLetterAsync(Change("2", "r1", ErpChangeKind.Attribute));

        Assert.Equal(1, await first.ResolveAsync(Change("3", "r1", ErpChangeKind.Attribute), default));
        Assert.Empty(await state.ListDeadLettersAsync(default));
    }

    private async Task DeadLetterAsync(ErpChange change) => await state.AddDeadLetterAsync(Letter(change, DeadLetterDirection.Outbound), default);

    private static DeadLetter Letter(ErpChange change, DeadLetterDirection direction) => new()
    {
        Id = Guid.NewGuid(),
        Direction = direction,
        ChangeId = change.ChangeId,
        ErpRecordId = change.ErpRecordId,
        Reason = "refused",
        DeadLetteredAt = DateTimeOffset.UnixEpoch,
        ErpChange = direction == DeadLetterDirection.Outbound ? StoredErpChange.Serialize(change) : null,
    };

    private static ErpChange Change(string id, string record, ErpChangeKind kind, params string[] fields) =>
        new() { ChangeId = id, ErpRecordId = record, Kind = kind, Marker = id, ChangedFields = fields };
}
