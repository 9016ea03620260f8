namespace Interop.Adapters.Sdk.State;

/// <summary>
/// What an adapter remembers between runs: links between ERP records and hub numbers with their last
/// revision, the outbound marker, the inbound changes already applied, and the dead letters.
/// Implementations are called from the SDK's two workers concurrently and must be thread-safe.
/// A durable store belongs to one adapter process: the SDK's hold their state exclusively for their
/// life and refuse a second opening with <see cref="AdapterStateInUseException"/>; a store of your own
/// should do the same, or two adapters on one state interleave their markers.
/// </summary>
public interface IAdapterStateStore
{
    /// <summary>The marker of the last ERP change pushed or dead-lettered; null before the first.</summary>
    ValueTask<string?> GetOutboundMarkerAsync(CancellationToken cancellationToken);

    /// <summary>Stores the outbound marker (after the change's push succeeded or its dead letter was stored).</summary>
    ValueTask SetOutboundMarkerAsync(string marker, CancellationToken cancellationToken);

    /// <summary>The link of an ERP record, or null.</summary>
    ValueTask<ApplicationLink?> FindByErpRecordAsync(string erpRecordId, CancellationToken cancellationToken);

    /// <summary>The link of a hub number, or null.</summary>
    ValueTask<ApplicationLink?> FindByNumberAsync(string number, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the link of <see cref="ApplicationLink.Number"/> (and of its ERP record).</summary>
    ValueTask SaveLinkAsync(ApplicationLink link, CancellationToken cancellationToken);

    /// <summary>Whether the hub change <paramref name="changeId"/> was applied already.</summary>
    ValueTask<bool> WasAppliedAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Records the hub change as applied (remembered for at least the last 10,000 changes).</summary>
    ValueTask MarkAppliedAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Adds a dead letter; one whose <see cref="DeadLetter.Id"/> is already stored is not added again (the SDK names an outbound dead letter after its change, which a replayed batch refuses again).</summary>
    ValueTask AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    /// <summary>The dead letters, oldest first.</summary>
    ValueTask<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The outbound dead letters of the ERP record <paramref name="erpRecordId"/>, oldest first (an empty list
    /// for a record without any, the common case). The SDK asks it after every change the hub accepted, to
    /// remove the letters that change makes moot, so it should be an indexed lookup, and it must see letters
    /// another worker or process stored in the same state a moment ago (no cache in front of it).
    /// </summary>
    /// <remarks>
    /// Added after the first version of this interface, with a default that lists every dead letter
    /// (<see cref="ListDeadLettersAsync"/>) and keeps the record's outbound ones: a store written before still
    /// builds and gives the same answers, at the cost of a full listing per accepted change. Implement it with an
    /// index when the store may hold more than a few hundred letters.
    /// </remarks>
    async ValueTask<IReadOnlyList<DeadLetter>> ListOutboundDeadLettersAsync(string erpRecordId, CancellationToken cancellationToken) =>
        [.. (await ListDeadLettersAsync(cancellationToken)).Where(d => d.Direction == DeadLetterDirection.Outbound && d.ErpRecordId == erpRecordId)];

    /// <summary>Removes a dead letter (after a successful replay); false when there was none with that id.</summary>
    ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken cancellationToken);
}
