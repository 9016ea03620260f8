namespace Interop.Hub.Feed;

/// <summary>
/// A wake-up shared by every waiter in this process: <see cref="Pulse"/>
/// releases all current waiters at once. Used so that a commit wakes the
/// sequencer, and a sequenced page the fan-out, without each waiter holding a
/// database connection to LISTEN on.
/// </summary>
/// <remarks>
/// A waiter takes <see cref="NextPulse"/> before it looks at the state it
/// waits on, then waits for that task: a pulse that comes while it works is
/// then not lost. (Taking the task only when starting to wait lost exactly
/// those pulses, and the feed fell back to its one-second poll: most of the
/// old p99.)
/// </remarks>
internal sealed class FeedSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>Completes at the next <see cref="Pulse"/>; take it before reading the state waited on.</summary>
    public Task NextPulse => Volatile.Read(ref next).Task;

    public void Pulse() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    /// <summary>Waits for the next pulse or the timeout; true when pulsed.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(NextPulse, timeout, cancellationToken);

    /// <summary>Waits for <paramref name="pulse"/> (taken earlier from <see cref="NextPulse"/>) or the timeout; true when pulsed.</summary>
    public static async Task<bool> WaitAsync(Task pulse, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (pulse.IsCompleted)
        {
            return true;
        }

        // Machine time, not the hub's TimeProvider: these are the pace of
        // polling and heartbeats on the wire, which a test's fake clock (that
        // drives retention and renewals) must not freeze. Task.WaitAsync keeps
        // one timer, removed as soon as the pulse comes: every stream waits here
        // after every page, and a linked token source, a Task.Delay and a
        // WhenAny per wait were a cost per subscriber and page.
        try
        {
            await pulse.WaitAsync(timeout, TimeProvider.System, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
