using System.Collections.Concurrent;
using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Testing;

/// <summary>
/// A subscriber of the change feed that records what it receives. Through the
/// client library (<see cref="Subscribe"/>): the changes an integrator's loop
/// gets, and the library's caught-up signal. On the raw stream
/// (<see cref="StartRaw"/>): every message of the hub's protocol, markers included.
/// </summary>
public sealed class FeedRecorder : IAsyncDisposable
{
    private readonly ConcurrentQueue<SubscribeResponse> received = new();
    private readonly FeedSubscription? subscription;
    private FeedReadLoop loop = null!;

    private FeedRecorder(FeedSubscription? subscription) => this.subscription = subscription;

    /// <summary>
    /// The messages received. Through the library: its changes, and a
    /// <c>caught_up</c> message for each time it said it caught up (the
    /// library consumes the other markers).
    /// </summary>
    public IReadOnlyList<SubscribeResponse> Messages => received.ToList();

    public IReadOnlyList<Change> Changes => received.Where(m => m.EventCase == SubscribeResponse.EventOneofCase.Change).Select(m => m.Change).ToList();

    /// <summary>The feed's end, if it ended (with the hub's status, for example).</summary>
    public Task Completion => loop.Completion;

    /// <summary>Reads one raw <c>Subscribe</c> stream: for tests of the hub's protocol itself (markers, stream ends, checkpoints).</summary>
    public static FeedRecorder StartRaw(CallInvoker calls, SubscribeRequest request)
    {
        var recorder = new FeedRecorder(null);
        recorder.loop = FeedReadLoop.Start(token => FeedReadLoop.Raw(calls, request, token), (message, _) => recorder.Record(message));
        return recorder;
    }

    /// <summary>Follows the feed as an integrator does, with <see cref="InteropClient.Subscribe"/>.</summary>
    public static FeedRecorder Subscribe(InteropClient client, FeedSubscriptionOptions options)
    {
        var recorder = new FeedRecorder(client.Subscribe(options));
        recorder.subscription!.CaughtUp += (_, head) => recorder.received.Enqueue(new SubscribeResponse { CaughtUp = new FeedPosition { ChangeSeq = head } });
        recorder.loop = FeedReadLoop.Start(recorder.subscription.ReadAllAsync, (change, _) => recorder.Record(new SubscribeResponse { Change = change }));
        return recorder;
    }

    /// <summary>Waits until the subscriber says it caught up at or beyond <paramref name="changeSeq"/>.</summary>
    public Task WaitForCaughtUpAsync(long changeSeq, TimeSpan? timeout = null) =>
        WaitForAsync(
            m => m.EventCase == SubscribeResponse.EventOneofCase.CaughtUp && m.CaughtUp.ChangeSeq >= changeSeq,
            $"catch up to {changeSeq}",
            timeout);

    /// <summary>
    /// Waits until a message matching <paramref name="condition"/> has been received (30 s by
    /// default: the test machine is shared and loaded), so a test waits for the event it needs
    /// rather than sleeping for it.
    /// </summary>
    public async Task WaitForAsync(Func<SubscribeResponse, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (received.Any(condition))
            {
                return;
            }

            if (loop.Completion.IsCompleted)
            {
                await loop.Completion;
                throw new InvalidOperationException($"The feed ended before it did: {what}.");
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"The subscriber did not {what}; last messages: {string.Join(" | ", received.TakeLast(5))}");
    }

    public async ValueTask DisposeAsync()
    {
        await loop.DisposeAsync();
        if (subscription is not null)
        {
            await subscription.DisposeAsync();
        }
    }

    private ValueTask Record(SubscribeResponse message)
    {
        received.Enqueue(message);
        return ValueTask.CompletedTask;
    }
}
