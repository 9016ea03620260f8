using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Sdk.Tests.State;

/// <summary>
/// An integrator's store written before <see cref="IAdapterStateStore.ListOutboundDeadLettersAsync"/> existed: it
/// implements only the original members, so the SDK gets the interface's default for the new one.
/// </summary>
internal class StateStoreWrittenBeforeTheQuery(IAdapterStateStore inner) : IAdapterStateStore
{
    public ValueTask<string?> GetOutboundMarkerAsync(CancellationToken cancellationToken) => inner.GetOutboundMarkerAsync(cancellationToken);

    public ValueTask SetOutboundMarkerAsync(string marker, CancellationToken cancellationToken) => inner.SetOutboundMarkerAsync(marker, cancellationToken);

    public ValueTask<ApplicationLink?> FindByErpRecordAsync(string erpRecordId, CancellationToken cancellationToken) => inner.FindByErpRecordAsync(erpRecordId, cancellationToken);

    public ValueTask<ApplicationLink?> FindByNumberAsync(string number, CancellationToken cancellationToken) => inner.FindByNumberAsync(number, cancellationToken);

    public ValueTask SaveLinkAsync(ApplicationLink link, CancellationToken cancellationToken) => inner.SaveLinkAsync(link, cancellationToken);

    public ValueTask<bool> WasAppliedAsync(string changeId, CancellationToken cancellationToken) => inner.WasAppliedAsync(changeId, cancellationToken);

    public ValueTask MarkAppliedAsync(string changeId, CancellationToken cancellationToken) => inner.MarkAppliedAsync(changeId, cancellationToken);

    public ValueTask AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) => inner.AddDeadLetterAsync(deadLetter, cancellationToken);

    public ValueTask<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken) => inner.ListDeadLettersAsync(cancellationToken);

    public virtual ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken cancellationToken) => inner.RemoveDeadLetterAsync(id, cancellationToken);
}
