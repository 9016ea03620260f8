using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// Reads one raw <c>Subscribe</c> stream and keeps only what the feed's
/// guarantees are checked with (positions, arrival times, sizes), not the
/// messages, so that a test can pull tens of MiB through it without the test
/// process itself holding them. Can stop reading after its first messages
/// (a subscriber that does not read) and resume later.
/// </summary>
internal sealed class FeedCounter : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<long> seqs = [];
    // Beside seqs, index for index: a dictionary cost three times the memory, and SlowSubscriberTests
    // counts this process' heap (the hub's and this counter's) against a bound while 160,000 changes arrive.
    private readonly List<DateTime> arrivals = [];
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task reading;
    private long caughtUpAt = -1;
    private long bytes;

    private FeedCounter(CallInvoker calls, SubscribeRequest request, int readBeforePause)
    {
        reading = Task.Run(() => ReadAsync(calls, request, readBeforePause));
    }

    /// <summary>The change_seq of every change received, in arrival order.</summary>
    public IReadOnlyList<long> Seqs
    {
        get
        {
            lock (gate)
            {
                return [.. seqs];
            }
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seqs.Count;
            }
        }
    }

    /// <summary>Serialized size of the changes received.</summary>
    public long Bytes => Interlocked.Read(ref bytes);

    public Task Reading => reading;

    /// <summary>Reads every message as it comes.</summary>
    public static FeedCounter Start(CallInvoker calls, SubscribeRequest request) => new(calls, request, int.MaxValue);

    /// <summary>Reads <paramref name="messages"/> messages, then nothing until <see cref="Resume"/>.</summary>
    public static FeedCounter StartPaused(CallInvoker calls, SubscribeRequest request, int messages) => new(calls, request, messages);

    public void Resume() => resume.TrySetResult();

    /// <summary>When the change <paramref name="changeSeq"/> arrived, if it did.</summary>
    public DateTime? ArrivalOf(long changeSeq)
    {
        lock (gate)
        {
            var index = seqs.IndexOf(changeSeq);
            return index < 0 ? null : arrivals[index];
        }
    }

    /// <summary>Waits until a caught_up marker at or beyond <paramref name="changeSeq"/> arrived.</summary>
    public async Task WaitForCaughtUpAsync(long changeSeq, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Interlocked.Read(ref caughtUpAt) < changeSeq)
        {
            if (reading.IsCompleted)
            {
                await reading;
                throw new InvalidOperationException("The stream ended before catching up.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not caught up to {changeSeq} after {timeout}: {Count} changes, caught up at {Interlocked.Read(ref caughtUpAt)}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        resume.TrySetResult();
        try
        {
            await reading;
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled)
        {
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private async Task ReadAsync(CallInvoker calls, SubscribeRequest request, int readBeforePause)
    {
        using var call = new ChangeFeedService.ChangeFeedServiceClient(calls).Subscribe(request, cancellationToken: stop.Token);
        var read = 0;
        while (true)
        {
            if (read++ == readBeforePause)
            {
                await resume.Task;
            }

            if (!await call.ResponseStream.MoveNext(stop.Token))
            {
                return;
            }

            var message = call.ResponseStream.Current;
            switch (message.EventCase)
            {
                case SubscribeResponse.EventOneofCase.Change:
                    var now = DateTime.UtcNow;
                    Interlocked.Add(ref bytes, message.Change.CalculateSize());
                    lock (gate)
                    {
                        seqs.Add(message.Change.ChangeSeq);
                        arrivals.Add(now);
                    }

                    break;
                case SubscribeResponse.EventOneofCase.CaughtUp:
                    Interlocked.Exchange(ref caughtUpAt, message.CaughtUp.ChangeSeq);
                    break;
            }
        }
    }
}
