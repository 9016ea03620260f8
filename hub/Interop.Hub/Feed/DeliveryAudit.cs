using Interop.Hub.Storage;
using Interop.Hub.Storage.Audit;

namespace Interop.Hub.Feed;

/// <summary>
/// Records the reads of every feed stream in shared batches, by group commit:
/// a stream hands its page's entries over and waits until the batch holding
/// them is written; only then does it send the page. So no change leaves the
/// hub unaudited (as when each stream wrote its own rows), but fifty streams
/// delivering the same page cost one insert, not fifty transactions that
/// each also held the sequencer back.
/// </summary>
/// <remarks>
/// A batch that fails fails every stream in it (their pages are not sent; clients resume from
/// their checkpoints).
///
/// A batch is written as one row per reader (organisation, key, method, peer)
/// listing the applications it was shown (<see cref="FeedDeliveryTrail"/>):
/// one row per stream and change was most of PostgreSQL's work per
/// subscriber (issue 15's benchmark: 24 KB of WAL per change at 50 subscribers).
/// </remarks>
internal sealed class DeliveryAudit(RegistryDatabase database, FeedDeliveryTrail audit, TimeProvider time)
    : GroupCommit<IReadOnlyList<AuditEntry>, bool>
{
    private const int MaxBatch = 5000;

    public Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken) =>
        entries.Count == 0 ? Task.CompletedTask : SubmitAsync(entries, cancellationToken);

    /// <summary>The oldest pages whose entries fit in <see cref="MaxBatch"/> together (the first one always).</summary>
    protected override Func<IReadOnlyList<AuditEntry>, bool> NewBatch()
    {
        var count = 0;
        var full = false;
        return entries =>
        {
            full = full || (count > 0 && count + entries.Count > MaxBatch);
            count += entries.Count;
            return !full;
        };
    }

    protected override async Task<IReadOnlyList<bool>> WriteAsync(IReadOnlyList<IReadOnlyList<AuditEntry>> batch)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await audit.AppendAsync(connection, batch.SelectMany(entries => entries).ToList(), time.GetUtcNow(), CancellationToken.None);
        return batch.Select(_ => true).ToList();
    }
}
