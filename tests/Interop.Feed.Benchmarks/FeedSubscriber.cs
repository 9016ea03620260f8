using Grpc.Core;
using Interop.Contracts.V1;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// One subscription on its own stream: checks that every change arrives once and
/// in change_seq order, and records the delay from the change's change_time
/// (stamped by the hub at the write) to its arrival here.
/// </summary>
internal sealed class FeedSubscriber : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly List<double> latenciesMs = [];
    private readonly Task reading;
    private long position;
    private long changes;
    private long duplicates;
    private long missing;
    private long bytes;
    private DateTime lastDelivery;

    private FeedSubscriber(CallInvoker calls, string subscriptionId, long after, TimeSpan pause)
    {
        position = after;
        var feed = new ChangeFeedService.ChangeFeedServiceClient(calls);
        var request = new SubscribeRequest { SubscriptionId = subscriptionId, StartAfterChangeSeq = after };
        reading = Task.Run(async () =>
        {
            using var call = feed.Subscribe(request, cancellationToken: stop.Token);
            try
            {
                await foreach (var message in call.ResponseStream.ReadAllAsync(stop.Token))
                {
                    Record(message, DateTime.UtcNow);
                    if (pause > TimeSpan.Zero && message.EventCase == SubscribeResponse.EventOneofCase.Change)
                    {
                        await Task.Delay(pause, stop.Token);
                    }
                }
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.Cancelled && stop.IsCancellationRequested)
            {
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        });
    }

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

    public Task Completion => reading;

    public static FeedSubscriber Start(CallInvoker calls, string subscriptionId, long after, TimeSpan pause = default) =>
        new(calls, subscriptionId, after, pause);

    public async Task WaitForCaughtUpAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(caughtUp.Task, reading, Task.Delay(timeout));
        if (done != caughtUp.Task)
        {
            if (reading.IsCompleted)
            {
                await reading;
            }

            throw new TimeoutException("A subscriber did not say it caught up.");
        }
    }

    public SubscriberTally Tally()
    {
        lock (gate)
        {
            return new SubscriberTally(changes, duplicates, missing, bytes, lastDelivery, [.. latenciesMs]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await reading;
        }
        catch (RpcException)
        {
        }

        stop.Dispose();
    }

    private void Record(SubscribeResponse message, DateTime now)
    {
        lock (gate)
        {
            switch (message.EventCase)
            {
                case SubscribeResponse.EventOneofCase.Change:
                    var seq = message.Change.ChangeSeq;
                    if (seq <= position)
                    {
                        duplicates++;
                        return;
                    }

                    // Every change of the run concerns this subscriber, so the
                    // next one must be position + 1; anything else is a gap.
                    missing += seq - position - 1;
                    position = seq;
                    changes++;
                    bytes += message.CalculateSize();
                    lastDelivery = now;
                    latenciesMs.Add((now - message.Change.ChangeTime.ToDateTime()).TotalMilliseconds);
                    break;
                case SubscribeResponse.EventOneofCase.Checkpoint:
                    position = Math.Max(position, message.Checkpoint.ChangeSeq);
                    break;
                case SubscribeResponse.EventOneofCase.CaughtUp:
                    position = Math.Max(position, message.CaughtUp.ChangeSeq);
                    caughtUp.TrySetResult();
                    break;
                case SubscribeResponse.EventOneofCase.Heartbeat:
                case SubscribeResponse.EventOneofCase.None:
                default:
                    break;
            }
        }
    }
}

internal sealed record SubscriberTally(long Changes, long Duplicates, long Missing, long Bytes, DateTime LastDelivery, List<double> LatenciesMs);
