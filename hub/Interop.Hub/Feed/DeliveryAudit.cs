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
/// No timer: the first stream to arrive while nothing is being written starts
/// a writer; streams arriving meanwhile queue, and the writer's next insert
/// takes them all. A batch that fails fails every stream in it (their pages
/// are not sent; clients resume from their checkpoints).
///
/// A batch is written as one row per reader (organisation, key, method, peer)
/// listing the applications it was shown (<see cref="FeedDeliveryTrail"/>):
/// one row per stream and change was most of PostgreSQL's work per
/// subscriber (issue 15's benchmark: 24 KB of WAL per change at 50 subscribers).
/// </remarks>
internal sealed class DeliveryAudit(RegistryDatabase database, FeedDeliveryTrail audit, TimeProvider time)
{
    private const int MaxBatch = 5000;

    private readonly Lock gate = new();
    private List<Pending> queue = [];
    private bool writing;

    public async Task RecordAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var mine = new Pending(entries, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        bool writer;
        lock (gate)
        {
            queue.Add(mine);
            writer = !writing;
            writing = true;
        }

        if (writer)
        {
            // On its own task, not this stream's: the batch carries other
            // streams' entries too, and this stream should not keep writing
            // theirs after its own are in.
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        await mine.Written.Task.WaitAsync(cancellationToken);
    }

    private async Task WriteQueuedAsync()
    {
        while (true)
        {
            List<Pending> batch;
            lock (gate)
            {
                if (queue.Count == 0)
                {
                    writing = false;
                    return;
                }

                batch = TakeBatch();
            }

            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await audit.AppendAsync(connection, batch.SelectMany(p => p.Entries).ToList(), time.GetUtcNow(), CancellationToken.None);
                foreach (var pending in batch)
                {
                    pending.Written.TrySetResult();
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Written.TrySetException(exception);
                }
            }
        }
    }

    private List<Pending> TakeBatch()
    {
        var count = 0;
        var taken = 0;
        while (taken < queue.Count && (taken == 0 || count + queue[taken].Entries.Count <= MaxBatch))
        {
            count += queue[taken].Entries.Count;
            taken++;
        }

        var batch = queue.GetRange(0, taken);
        queue = queue.GetRange(taken, queue.Count - taken);
        return batch;
    }

    private sealed record Pending(IReadOnlyList<AuditEntry> Entries, TaskCompletionSource Written);
}
