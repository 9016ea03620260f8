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

        // The timer is cancelled as soon as the pulse comes, so that thousands
        // of streams woken often do not leave thousands of timers running.
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = await Task.WhenAny(pulsed, Task.Delay(timeout, timer.Token));
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return finished == pulsed;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
