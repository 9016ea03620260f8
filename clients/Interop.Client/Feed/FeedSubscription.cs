using System.Runtime.CompilerServices;
using Grpc.Core;
using Interop.Client.Internal;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace Interop.Client;

/// <summary>
/// A resumable subscription to the change feed (<see cref="InteropClient.Subscribe"/>).
/// <para>
/// <b>Processed.</b> A change counts as processed when the loop asks for the
/// next one, or calls <see cref="AcknowledgeAsync"/>. A change in hand when
/// the loop is left (an exception, a <c>break</c>, a cancellation) is not
/// processed: it is never acknowledged, and comes again on the next
/// subscription. Call <see cref="AcknowledgeAsync"/> inside the loop before a
/// <c>break</c> to count the change in hand. The feed's <c>checkpoint</c>,
/// <c>heartbeat</c> and <c>caught_up</c> markers move the position too.
/// </para>
/// <para>
/// <b>Acknowledged.</b> The position is stored at the hub (Acknowledge) in
/// batches: once <see cref="FeedSubscriptionOptions.AcknowledgeEvery"/>
/// positions were processed, at least every
/// <see cref="FeedSubscriptionOptions.AcknowledgeInterval"/>, on
/// <see cref="AcknowledgeAsync"/> and on <see cref="DisposeAsync"/>. After a
/// crash, a new subscription resumes after the last acknowledgement, so the
/// changes since may come again: apply them idempotently (by
/// <c>change_id</c>, or by number and revision).
/// </para>
/// <para>
/// <b>Resumed.</b> When the stream ends or breaks (the hub's periodic
/// rebalancing, a shutdown, UNAVAILABLE, INTERNAL after a reset, a lost
/// connection, a killed hub), the subscription reconnects with backoff and
/// resumes after the last change it yielded: one subscription never yields a
/// change twice, and yields them in <c>change_seq</c> order. Answers end the
/// enumeration with their typed exception and are not retried:
/// <see cref="CheckpointExpiredException"/>, <see cref="PermissionDeniedException"/>,
/// <see cref="InvalidArgumentException"/>, <see cref="UnauthenticatedException"/>.
/// </para>
/// </summary>
public sealed class FeedSubscription : IAsyncDisposable
{
    private static readonly TimeSpan FinalAcknowledgementTimeout = TimeSpan.FromSeconds(10);

    private readonly ChangeFeedService.ChangeFeedServiceClient feed;
    private readonly FeedSubscriptionSettings settings;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly Lock gate = new();
    private readonly SemaphoreSlim acknowledging = new(1, 1);
    private readonly CancellationTokenSource disposal = new();
    private readonly ITimer timer;
    private long position;
    private long inHand;
    private long acknowledged;
    private int processedSinceAcknowledgement;
    private long lastAcknowledgement;
    private long? caughtUpTo;
    private int reading;
    private int disposed;

    internal FeedSubscription(ChangeFeedService.ChangeFeedServiceClient feed, FeedSubscriptionSettings settings, TimeProvider time, ILogger logger)
    {
        this.feed = feed;
        this.settings = settings;
        this.time = time;
        this.logger = logger;
        position = settings.StartAfterChangeSeq;
        acknowledged = settings.StartAfterChangeSeq;
        lastAcknowledgement = time.GetTimestamp();
        timer = time.CreateTimer(static state => ((FeedSubscription)state!).OnTimer(), this, settings.AcknowledgeInterval, settings.AcknowledgeInterval);
    }

    /// <summary>
    /// Raised when the hub says the subscriber has every change up to the
    /// head (its <c>caught_up</c> marker), with that position; on the reading
    /// loop's thread, while it waits for the next change.
    /// </summary>
    public event EventHandler<long>? CaughtUp;

    /// <summary>The subscription's id.</summary>
    public string SubscriptionId => settings.SubscriptionId;

    /// <summary>
    /// The last processed position (<c>change_seq</c>): every change up to it
    /// was processed or did not concern the subscriber. Before the first
    /// message it is <see cref="FeedSubscriptionOptions.StartAfterChangeSeq"/>,
    /// or 0 when the hub's stored checkpoint is used.
    /// </summary>
    public long Position
    {
        get
        {
            lock (gate)
            {
                return position;
            }
        }
    }

    /// <summary>The last position this subscription stored at the hub (0, or the start position, before the first acknowledgement).</summary>
    public long AcknowledgedPosition
    {
        get
        {
            lock (gate)
            {
                return acknowledged;
            }
        }
    }

    /// <summary>The position of the hub's last <c>caught_up</c> marker: the head when the subscriber last had every change; null before the first.</summary>
    public long? CaughtUpTo
    {
        get
        {
            lock (gate)
            {
                return caughtUpTo;
            }
        }
    }

    /// <summary>
    /// The changes, in <c>change_seq</c> order, each once, reconnecting as
    /// needed. It waits for new changes without end, unless
    /// <see cref="FeedSubscriptionOptions.StopWhenCaughtUp"/> is set. One loop
    /// at a time; a new loop after the previous one ended resumes after
    /// <see cref="Position"/>.
    /// </summary>
    /// <param name="cancellationToken">Ends the loop with <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="InteropException">An answer of the hub that reconnecting cannot change (see the class remarks).</exception>
    /// <exception cref="InvalidOperationException">Another loop is reading this subscription.</exception>
    public async IAsyncEnumerable<Change> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        if (Interlocked.Exchange(ref reading, 1) == 1)
        {
            throw new InvalidOperationException("A feed subscription is read by one loop at a time.");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, disposal.Token);
        try
        {
            var failures = 0;
            while (true)
            {
                using var call = feed.Subscribe(settings.Request(Position), cancellationToken: stop.Token);
                string cause;
                while (true)
                {
                    var (message, ended) = await NextAsync(call.ResponseStream, stop.Token).ConfigureAwait(false);
                    if (message is null)
                    {
                        cause = ended;
                        break;
                    }

                    failures = 0;
                    if (message.EventCase == SubscribeResponse.EventOneofCase.Change)
                    {
                        // Delivery is at least once across connections; this
                        // subscription hands each position to its loop once.
                        if (message.Change.ChangeSeq <= Position)
                        {
                            continue;
                        }

                        lock (gate)
                        {
                            inHand = message.Change.ChangeSeq;
                        }

                        yield return message.Change;

                        // The loop asked for the next change: the one in hand is done.
                        CountInHand();
                        await AcknowledgeIfDueAsync(stop.Token).ConfigureAwait(false);
                        continue;
                    }

                    if (Marker(message) is not { } marker)
                    {
                        continue;
                    }

                    Advance(marker);
                    await AcknowledgeIfDueAsync(stop.Token).ConfigureAwait(false);
                    if (message.EventCase == SubscribeResponse.EventOneofCase.CaughtUp)
                    {
                        lock (gate)
                        {
                            caughtUpTo = marker;
                        }

                        CaughtUp?.Invoke(this, marker);
                        if (settings.StopWhenCaughtUp)
                        {
                            yield break;
                        }
                    }
                }

                var delay = settings.ReconnectDelay(failures++);
                ClientLog.FeedReconnecting(logger, settings.SubscriptionId, cause, Position, delay.TotalMilliseconds);
                await Task.Delay(delay, time, stop.Token).ConfigureAwait(false);
            }
        }
        finally
        {
            // Leaving the loop without asking for the next change: the change in hand was not processed.
            lock (gate)
            {
                inHand = 0;
            }

            Volatile.Write(ref reading, 0);
        }
    }

    /// <summary>
    /// Counts the change in hand as processed and stores the position at the
    /// hub now, without waiting for the batch. Call it from the loop that
    /// reads the changes: from another thread it would also count a change
    /// the loop may still be processing.
    /// </summary>
    /// <param name="cancellationToken">Cancels the acknowledgement (not the subscription).</param>
    /// <exception cref="InteropException">The hub refused the acknowledgement.</exception>
    public async Task AcknowledgeAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) == 1, this);
        CountInHand();
        await SendAcknowledgementAsync(quiet: false, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Ends a loop still reading, stops the timer and, unless
    /// <see cref="FeedSubscriptionOptions.AcknowledgeAutomatically"/> is false,
    /// stores the processed position at the hub (a last acknowledgement, given at most 10 seconds;
    /// a failure is logged, not thrown: the changes since the previous
    /// acknowledgement then come again to the next subscription).
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }

        await timer.DisposeAsync().ConfigureAwait(false);
        await disposal.CancelAsync().ConfigureAwait(false);
        if (!settings.AcknowledgeAutomatically)
        {
            disposal.Dispose();
            return;
        }

        using var limit = new CancellationTokenSource(FinalAcknowledgementTimeout, time);
        try
        {
            await SendAcknowledgementAsync(quiet: true, limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ClientLog.AcknowledgeFailed(logger, settings.SubscriptionId, Position, "timeout");
        }

        disposal.Dispose();
    }

    private static long? Marker(SubscribeResponse message) => message.EventCase switch
    {
        // Each marker's position was passed by this stream: every change up to
        // it was delivered to the loop before it, or did not concern the subscriber.
        SubscribeResponse.EventOneofCase.Checkpoint => message.Checkpoint.ChangeSeq,
        SubscribeResponse.EventOneofCase.Heartbeat => message.Heartbeat.ChangeSeq,
        SubscribeResponse.EventOneofCase.CaughtUp => message.CaughtUp.ChangeSeq,
        _ => null,
    };

    private async Task<(SubscribeResponse? Message, string Cause)> NextAsync(IAsyncStreamReader<SubscribeResponse> stream, CancellationToken stop)
    {
        try
        {
            return await stream.MoveNext(stop).ConfigureAwait(false) ? (stream.Current, "") : (null, "ended by the hub");
        }
        catch (Exception exception) when (stop.IsCancellationRequested && exception is RpcException or OperationCanceledException)
        {
            throw new OperationCanceledException("The feed subscription was cancelled.", exception, stop);
        }
        catch (RpcException exception) when (IsTransient(exception))
        {
            return (null, exception.StatusCode.ToString());
        }
        catch (Exception exception) when (exception is IOException or HttpRequestException)
        {
            return (null, exception.GetType().Name);
        }
    }

    private static bool IsTransient(RpcException exception) => exception.StatusCode switch
    {
        StatusCode.Unavailable or StatusCode.Internal or StatusCode.Unknown or StatusCode.Cancelled or StatusCode.DeadlineExceeded => true,
        StatusCode.ResourceExhausted => ErrorTranslator.ReasonOf(exception) == InteropErrorReasons.RateLimited,
        _ => false,
    };

    private void CountInHand()
    {
        lock (gate)
        {
            if (inHand > position)
            {
                position = inHand;
                processedSinceAcknowledgement++;
            }

            inHand = 0;
        }
    }

    private void Advance(long marker)
    {
        lock (gate)
        {
            if (marker > position)
            {
                position = marker;
                processedSinceAcknowledgement++;
            }
        }
    }

    private async ValueTask AcknowledgeIfDueAsync(CancellationToken cancellationToken)
    {
        bool due;
        lock (gate)
        {
            due = settings.AcknowledgeAutomatically
                && position > acknowledged
                && (processedSinceAcknowledgement >= settings.AcknowledgeEvery || time.GetElapsedTime(lastAcknowledgement) >= settings.AcknowledgeInterval);
        }

        if (due)
        {
            await SendAcknowledgementAsync(quiet: false, cancellationToken).ConfigureAwait(false);
        }
    }

    private void OnTimer()
    {
        if (!settings.AcknowledgeAutomatically || Volatile.Read(ref disposed) == 1 || Position <= AcknowledgedPosition)
        {
            return;
        }

        _ = FlushFromTimerAsync();
    }

    private async Task FlushFromTimerAsync()
    {
        try
        {
            await SendAcknowledgementAsync(quiet: true, disposal.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException)
        {
            // Disposal takes over and sends the last acknowledgement itself.
        }
    }

    /// <summary>
    /// Stores the processed position. Transient failures (the call's own
    /// retries spent, or rate limited) are logged and left for the next
    /// acknowledgement; answers are thrown unless <paramref name="quiet"/>.
    /// </summary>
    private async Task SendAcknowledgementAsync(bool quiet, CancellationToken cancellationToken)
    {
        await acknowledging.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            long target;
            lock (gate)
            {
                target = position;
                if (target <= acknowledged)
                {
                    return;
                }
            }

            try
            {
                await feed.AcknowledgeAsync(
                    new AcknowledgeRequest { SubscriptionId = settings.SubscriptionId, ChangeSeq = target },
                    cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (RpcException exception) when (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException("The acknowledgement was cancelled.", exception, cancellationToken);
            }
            catch (RpcException exception) when (quiet || IsTransient(exception))
            {
                ClientLog.AcknowledgeFailed(logger, settings.SubscriptionId, target, exception.StatusCode.ToString());
                lock (gate)
                {
                    // Wait a whole interval before trying again rather than at every change.
                    lastAcknowledgement = time.GetTimestamp();
                }

                return;
            }

            lock (gate)
            {
                acknowledged = Math.Max(acknowledged, target);
                processedSinceAcknowledgement = (int)Math.Min(int.MaxValue, Math.Max(0, position - target));
                lastAcknowledgement = time.GetTimestamp();
            }

            ClientLog.Acknowledged(logger, settings.SubscriptionId, target);
        }
        finally
        {
            acknowledging.Release();
        }
    }
}
