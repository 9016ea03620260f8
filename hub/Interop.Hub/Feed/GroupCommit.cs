namespace Interop.Hub.Feed;

/// <summary>
/// Writes what concurrent callers hand over by group commit: every item that arrives while one
/// statement is being written goes into the next one, and each caller is answered once the
/// statement holding its own item has committed. No timer: the first item to find nothing being
/// written starts a writer, which writes whatever has queued meanwhile until the queue is empty.
/// A failed statement fails every caller in it.
/// </summary>
/// <remarks>
/// The feed's subscribers act together (they receive the same page at the same moment, and
/// acknowledge at the same positions), so what each would write alone (an audit insert, a
/// checkpoint upsert, each its own commit and WAL flush) is written once for all of them.
/// </remarks>
internal abstract class GroupCommit<TItem, TResult>
{
    private readonly Lock gate = new();
    private List<Pending> queue = [];
    private bool writing;

    /// <summary>Queues <paramref name="item"/> and waits until the statement holding it has committed.</summary>
    protected async Task<TResult> SubmitAsync(TItem item, CancellationToken cancellationToken)
    {
        var mine = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        bool writer;
        lock (gate)
        {
            queue.Add(mine);
            writer = !writing;
            writing = true;
        }

        if (writer)
        {
            // On a task of its own: the batch carries other callers' items, which must not wait
            // for this call's continuation, nor be abandoned if this call is cancelled.
            _ = Task.Run(WriteQueuedAsync, CancellationToken.None);
        }

        return await mine.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>
    /// Which queued items the next statement takes: a filter asked of each item, oldest first (it
    /// always takes the first); those it leaves wait for the next statement, in their order.
    /// </summary>
    protected abstract Func<TItem, bool> NewBatch();

    /// <summary>Writes a batch and commits; one result per item, in the batch's order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> WriteAsync(IReadOnlyList<TItem> batch);

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
                var results = await WriteAsync(batch.Select(p => p.Item).ToList());
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(results[i]);
                }
            }
            catch (Exception exception)
            {
                foreach (var pending in batch)
                {
                    pending.Done.TrySetException(exception);
                }
            }
        }
    }

    private List<Pending> TakeBatch()
    {
        var takes = NewBatch();
        var batch = new List<Pending>();
        var rest = new List<Pending>();
        foreach (var pending in queue)
        {
            // The filter sees every item, the first too, so that what it counts includes it.
            var taken = takes(pending.Item) || batch.Count == 0;
            (taken ? batch : rest).Add(pending);
        }

        queue = rest;
        return batch;
    }

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
