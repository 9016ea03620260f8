namespace Interop.Hub.Feed;

/// <summary>
/// A wake-up shared by every waiter in this process: <see cref="Pulse"/>
/// releases all current waiters at once. Used so that a commit (announced by
/// NOTIFY) wakes the sequencer and every open stream without each holding its
/// own database connection to LISTEN on.
/// </summary>
internal sealed class FeedSignal
{
    private TaskCompletionSource next = NewSource();

    public void Pulse() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    /// <summary>Waits for the next pulse or the timeout; true when pulsed.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var pulsed = Volatile.Read(ref next).Task;
        var finished = await Task.WhenAny(pulsed, Task.Delay(timeout, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return finished == pulsed;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
