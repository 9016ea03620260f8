namespace Interop.Adapters.Sdk.State;

/// <summary>
/// The state kept in memory with its indexes, behind one lock; a durable store persists the
/// whole state after each change, before the call returns, so the SDK's rule "store the marker
/// only after the push" holds across a crash.
/// </summary>
public abstract class AdapterStateStoreBase : IAdapterStateStore
{
    // Enough to cover any reconnection overlap of the feed; older replays are caught by revision.
    private const int AppliedChangesKept = 10_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly AdapterStateData data;
    private readonly Dictionary<string, ApplicationLink> byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> numberByErpRecord = new(StringComparer.Ordinal);
    private readonly HashSet<string> applied = new(StringComparer.Ordinal);
    private readonly Queue<string> appliedOrder = new();

    // The outbound letters by ERP record, oldest first: asked after every accepted change, nearly always
    // for a record without any.
    private readonly Dictionary<string, List<DeadLetter>> outboundByRecord = new(StringComparer.Ordinal);

    private protected AdapterStateStoreBase(AdapterStateData data)
    {
        this.data = data;
        foreach (var link in data.Links)
        {
            Index(link);
        }

        foreach (var changeId in data.AppliedChangeIds)
        {
            if (applied.Add(changeId))
            {
                appliedOrder.Enqueue(changeId);
            }
        }

        foreach (var deadLetter in data.DeadLetters)
        {
            IndexOutbound(deadLetter);
        }
    }

    /// <inheritdoc />
    public ValueTask<string?> GetOutboundMarkerAsync(CancellationToken cancellationToken) =>
        ReadAsync(() => data.OutboundMarker, cancellationToken);

    /// <inheritdoc />
    public ValueTask SetOutboundMarkerAsync(string marker, CancellationToken cancellationToken) =>
        WriteAsync(() => data.OutboundMarker = marker, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ApplicationLink?> FindByErpRecordAsync(string erpRecordId, CancellationToken cancellationToken) =>
        ReadAsync(() => numberByErpRecord.TryGetValue(erpRecordId, out var number) ? byNumber[number] : null, cancellationToken);

    /// <inheritdoc />
    public ValueTask<ApplicationLink?> FindByNumberAsync(string number, CancellationToken cancellationToken) =>
        ReadAsync(() => byNumber.GetValueOrDefault(number), cancellationToken);

    /// <inheritdoc />
    public ValueTask SaveLinkAsync(ApplicationLink link, CancellationToken cancellationToken) =>
        WriteAsync(() => Index(link), cancellationToken);

    /// <inheritdoc />
    public ValueTask<bool> WasAppliedAsync(string changeId, CancellationToken cancellationToken) =>
        ReadAsync(() => applied.Contains(changeId), cancellationToken);

    /// <inheritdoc />
    public ValueTask MarkAppliedAsync(string changeId, CancellationToken cancellationToken) =>
        WriteAsync(() =>
        {
            if (!applied.Add(changeId))
            {
                return;
            }

            appliedOrder.Enqueue(changeId);
            while (appliedOrder.Count > AppliedChangesKept)
            {
                applied.Remove(appliedOrder.Dequeue());
            }
        }, cancellationToken);

    /// <inheritdoc />
    public ValueTask AddDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken) =>
        WriteAsync(
            () =>
            {
                // The same change dead-lettered again (its batch replayed after a crash) is one dead letter.
                if (!data.DeadLetters.Exists(d => d.Id == deadLetter.Id))
                {
                    data.DeadLetters.Add(deadLetter);
                    IndexOutbound(deadLetter);
                }
            },
            cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DeadLetter>>(() => [.. data.DeadLetters], cancellationToken);

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DeadLetter>> ListOutboundDeadLettersAsync(string erpRecordId, CancellationToken cancellationToken) =>
        ReadAsync<IReadOnlyList<DeadLetter>>(() => outboundByRecord.TryGetValue(erpRecordId, out var letters) ? [.. letters] : [], cancellationToken);

    /// <inheritdoc />
    public async ValueTask<bool> RemoveDeadLetterAsync(Guid id, CancellationToken cancellationToken)
    {
        var removed = false;
        await WriteAsync(
            () =>
            {
                var index = data.DeadLetters.FindIndex(d => d.Id == id);
                if (index < 0)
                {
                    return;
                }

                UnindexOutbound(data.DeadLetters[index]);
                data.DeadLetters.RemoveAt(index);
                removed = true;
            },
            cancellationToken);
        return removed;
    }

    /// <summary>Makes the state durable; called under the lock after every change.</summary>
    private protected abstract ValueTask PersistAsync(AdapterStateData state, CancellationToken cancellationToken);

    private void Index(ApplicationLink link)
    {
        if (byNumber.TryGetValue(link.Number, out var previous) && previous.ErpRecordId is { } oldRecord && oldRecord != link.ErpRecordId)
        {
            numberByErpRecord.Remove(oldRecord);
        }

        byNumber[link.Number] = link;
        if (link.ErpRecordId is { } record)
        {
            numberByErpRecord[record] = link.Number;
        }
    }

    private void IndexOutbound(DeadLetter deadLetter)
    {
        if (deadLetter is { Direction: DeadLetterDirection.Outbound, ErpRecordId: { } record })
        {
            if (!outboundByRecord.TryGetValue(record, out var letters))
            {
                outboundByRecord[record] = letters = [];
            }

            letters.Add(deadLetter);
        }
    }

    private void UnindexOutbound(DeadLetter deadLetter)
    {
        if (deadLetter is { Direction: DeadLetterDirection.Outbound, ErpRecordId: { } record }
            && outboundByRecord.TryGetValue(record, out var letters)
            && letters.RemoveAll(d => d.Id == deadLetter.Id) > 0
            && letters.Count == 0)
        {
            outboundByRecord.Remove(record);
        }
    }

    private async ValueTask<T> ReadAsync<T>(Func<T> read, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            return read();
        }
        finally
        {
            gate.Release();
        }
    }

    private async ValueTask WriteAsync(Action write, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            write();
            data.Links = [.. byNumber.Values];
            data.AppliedChangeIds = [.. appliedOrder];
            await PersistAsync(data, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }
}
