using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// One subscription on its own stream, followed as an integrator follows it
/// (the client library's <see cref="FeedSubscription"/>, which acknowledges
/// in batches): checks that every change arrives in change_seq order without
/// a gap, and records the delay from the change's change_time (stamped by the
/// hub at the write) to its arrival here. The library hands each position to
/// its loop once, so a change the hub sent twice would not reach this count:
/// the hub's own exactly-once delivery is checked on the raw stream by
/// Interop.Hub.Tests (TwoHubFeedTests, ChangeFeedTests).
/// </summary>
internal sealed class FeedSubscriber : IAsyncDisposable
{
    private readonly TaskCompletionSource caughtUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock gate = new();
    private readonly List<double> latenciesMs = [];
    private readonly List<(string Application, long ChangeSeq, DateTime At)> arrivals = [];
    private readonly FeedSubscription subscription;
    private readonly FeedReadLoop loop;
    private long position;
    private long changes;
    private long duplicates;
    private long missing;
    private long bytes;
    private DateTime lastDelivery;

    private FeedSubscriber(InteropClient client, string subscriptionId, long after, TimeSpan pause)
    {
        position = after;
        subscription = client.Subscribe(new FeedSubscriptionOptions { SubscriptionId = subscriptionId, StartAfterChangeSeq = after });
        subscription.CaughtUp += (_, head) => OnCaughtUp(head);
        loop = FeedReadLoop.Start(subscription.ReadAllAsync, async (change, stop) =>
        {
            Record(change, DateTime.UtcNow);
            if (pause > TimeSpan.Zero)
            {
                await Task.Delay(pause, stop);
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

    public Task Completion => loop.Completion;

    public static FeedSubscriber Start(InteropClient client, string subscriptionId, long after, TimeSpan pause = default) =>
        new(client, subscriptionId, after, pause);

    public async Task WaitForCaughtUpAsync(TimeSpan timeout)
    {
        var done = await Task.WhenAny(caughtUp.Task, loop.Completion, Task.Delay(timeout));
        if (done != caughtUp.Task)
        {
            if (loop.Completion.IsCompleted)
            {
                await loop.Completion;
            }

            throw new TimeoutException("A subscriber did not say it caught up.");
        }
    }

    public SubscriberTally Tally()
    {
        lock (gate)
        {
            return new SubscriberTally(changes, duplicates, missing, bytes, lastDelivery, [.. latenciesMs], [.. arrivals]);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await loop.DisposeAsync();
        await subscription.DisposeAsync();
    }

    private void OnCaughtUp(long head)
    {
        lock (gate)
        {
            position = Math.Max(position, head);
        }

        caughtUp.TrySetResult();
    }

    private void Record(Change change, DateTime now)
    {
        lock (gate)
        {
            var seq = change.ChangeSeq;
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
            bytes += change.CalculateSize();
            lastDelivery = now;
            latenciesMs.Add((now - change.ChangeTime.ToDateTime()).TotalMilliseconds);
            arrivals.Add((change.Application, seq, now));
        }
    }
}

/// <param name="LatenciesMs">From each change's change_time (stamped when its write began) to its arrival.</param>
/// <param name="Arrivals">Each change's application, position and arrival, to set against its writer's answer and its commit.</param>
internal sealed record SubscriberTally(
    long Changes, long Duplicates, long Missing, long Bytes, DateTime LastDelivery, List<double> LatenciesMs, List<(string Application, long ChangeSeq, DateTime At)> Arrivals);
