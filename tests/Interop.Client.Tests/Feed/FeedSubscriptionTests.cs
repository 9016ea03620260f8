using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.Time.Testing;

namespace Interop.Client.Tests.Feed;

/// <summary>The subscription against a real hub: batch acknowledgements, a failing loop, a recycled stream, an expired checkpoint.</summary>
public sealed class FeedSubscriptionTests
{
    [Fact]
    public async Task Acknowledgements_GoOutEveryNChanges_AndAnExceptionInTheLoopLeavesTheChangeInHandUnacknowledged()
    {
        await using var host = await ClientHub.StartAsync();
        using var client = host.Client();
        await RegisterAsync(client, 12);
        Assert.Equal(12, await FeedHead.WhenSequencedAsync(host.Hub.ConnectionString));
        var seen = new List<long>();
        long storedWhileSixthInHand = -1;

        await using (var subscription = client.Subscribe(Options("erp", acknowledgeEvery: 5)))
        {
            await Assert.ThrowsAsync<InvalidOperationException>(async () =>
            {
                await foreach (var change in subscription.ReadAllAsync())
                {
                    seen.Add(change.ChangeSeq);
                    if (change.ChangeSeq == 6)
                    {
                        storedWhileSixthInHand = await StoredCheckpointAsync(client, "erp");
                    }

                    if (change.ChangeSeq == 8)
                    {
                        throw new InvalidOperationException("The ERP could not apply this change.");
                    }
                }
            });

            Assert.Equal(7, subscription.Position);
            Assert.Equal(5, subscription.AcknowledgedPosition);
        }

        Assert.Equal([1L, 2, 3, 4, 5, 6, 7, 8], seen);
        Assert.Equal(5, storedWhileSixthInHand);
        Assert.Equal(7, await StoredCheckpointAsync(client, "erp"));

        using var restarted = host.Client();
        await using var resumed = restarted.Subscribe(Options("erp", stopWhenCaughtUp: true));
        Assert.Equal([8L, 9, 10, 11, 12], await ReadAllAsync(resumed));
        Assert.Equal(12, resumed.CaughtUpTo);
    }

    [Fact]
    public async Task AcknowledgeAsync_InsideTheLoop_CountsTheChangeInHandAndStoresItAtOnce()
    {
        await using var host = await ClientHub.StartAsync();
        using var client = host.Client();
        await RegisterAsync(client, 3);
        await FeedHead.WhenSequencedAsync(host.Hub.ConnectionString);

        await using var subscription = client.Subscribe(Options("erp"));
        await foreach (var change in subscription.ReadAllAsync())
        {
            if (change.ChangeSeq == 2)
            {
                await subscription.AcknowledgeAsync();
                break;
            }
        }

        Assert.Equal(2, await StoredCheckpointAsync(client, "erp"));
    }

    [Fact]
    public async Task Acknowledgements_GoOutAfterTheIntervalWhileTheLoopWaitsAtTheHead()
    {
        await using var host = await ClientHub.StartAsync();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var client = host.Client(o => o.TimeProvider = clock);
        await RegisterAsync(client, 3);
        await FeedHead.WhenSequencedAsync(host.Hub.ConnectionString);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var options = Options("erp");
        options.AcknowledgeInterval = TimeSpan.FromSeconds(5);
        await using var subscription = client.Subscribe(options);
        var atHead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        subscription.CaughtUp += (_, position) =>
        {
            if (position == 3)
            {
                atHead.TrySetResult();
            }
        };
        var reading = Task.Run(async () =>
        {
            await foreach (var change in subscription.ReadAllAsync(stop.Token))
            {
            }
        });

        await atHead.Task.WaitAsync(stop.Token);
        Assert.Equal(0, await StoredCheckpointAsync(client, "erp"));
        clock.Advance(TimeSpan.FromSeconds(5));
        // The hub stores the checkpoint a moment before the subscription reads its answer.
        while (await StoredCheckpointAsync(client, "erp") < 3 || subscription.AcknowledgedPosition < 3)
        {
            await Task.Delay(20, stop.Token);
        }

        Assert.Equal(3, subscription.AcknowledgedPosition);
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reading);
    }

    [Fact]
    public async Task StreamRecycledByTheHub_IsResumedWithoutLossOrRepeat()
    {
        await using var host = await ClientHub.StartAsync(new Dictionary<string, string> { ["Interop:FeedStreamLifetime"] = "00:00:01" });
        using var logs = new RecordedLogs();
        using var client = host.Client(o => o.LoggerFactory = logs.Factory);
        var seen = new List<long>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await using var subscription = client.Subscribe(Options("erp"));
        var writing = Task.Run(async () =>
        {
            for (var i = 0; i < 12; i++)
            {
                await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk));
                await Task.Delay(250);
            }
        });

        await foreach (var change in subscription.ReadAllAsync(stop.Token))
        {
            seen.Add(change.ChangeSeq);
            if (seen.Count == 12)
            {
                break;
            }
        }

        await writing;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (long)i), seen);
        Assert.True(logs.Count(2) >= 2, $"expected the stream to be recycled at least twice; logs: {string.Join(" | ", logs.Messages)}");
    }

    [Fact]
    public async Task CheckpointOlderThanTheRetention_EndsTheLoopWithCheckpointExpired_AndTheListingLeadsBack()
    {
        await using var host = await ClientHub.StartAsync(new Dictionary<string, string> { ["Interop:RunJobs"] = "true" });
        using var client = host.Client();
        await RegisterAsync(client, 3);
        var head = await FeedHead.WhenSequencedAsync(host.Hub.ConnectionString);
        // Pruning never passes a read model kept from the feed (cotation, observatory), and the jobs
        // prune once at the clock's jump: let the read models take all three first.
        await WaitUntilReadModelsReachAsync(host.Hub.ConnectionString, head);
        host.Hub.Clock.Advance(TimeSpan.FromDays(31));
        await WaitUntilPrunedAsync(host.Hub.ConnectionString);

        await using var late = client.Subscribe(Options("late"));
        var expired = await Assert.ThrowsAsync<CheckpointExpiredException>(async () => await ReadAllAsync(late));

        Assert.Equal(Grpc.Core.StatusCode.FailedPrecondition, expired.StatusCode);
        Assert.Equal(InteropErrorReasons.CheckpointExpired, expired.Reason);
        Assert.EndsWith("/subscriptions/late", expired.Subject, StringComparison.Ordinal);
        Assert.Contains("ListApplications", expired.Message, StringComparison.Ordinal);

        var listing = await client.Registry.ListApplicationsAsync(new ListApplicationsRequest());
        Assert.Equal(3, listing.Applications.Count);
        var options = Options("late", stopWhenCaughtUp: true);
        options.StartAfterChangeSeq = listing.ChangeSeq;
        await using var back = client.Subscribe(options);
        Assert.Empty(await ReadAllAsync(back));
        Assert.Equal(3, back.Position);
    }

    internal static FeedSubscriptionOptions Options(string id, int acknowledgeEvery = 100, bool stopWhenCaughtUp = false) => new()
    {
        SubscriptionId = id,
        IncludeOwnChanges = true,
        AcknowledgeEvery = acknowledgeEvery,
        // Long enough that only the count or an explicit call acknowledges in these tests.
        AcknowledgeInterval = TimeSpan.FromMinutes(10),
        StopWhenCaughtUp = stopWhenCaughtUp,
    };

    internal static async Task<List<long>> ReadAllAsync(FeedSubscription subscription)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var seen = new List<long>();
        await foreach (var change in subscription.ReadAllAsync(limit.Token))
        {
            seen.Add(change.ChangeSeq);
        }

        return seen;
    }

    internal static async Task<long> StoredCheckpointAsync(InteropClient client, string id) =>
        (await client.Feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = id })).CheckpointChangeSeq;

    private static async Task RegisterAsync(InteropClient client, int count)
    {
        for (var i = 0; i < count; i++)
        {
            await client.Registry.CreateApplicationAsync(TestApplications.Create(ClientHub.Desk));
        }
    }

    // The periodic jobs prune in the hub's background, the projections read in it: generous for a loaded machine.
    private static async Task WaitUntilPrunedAsync(string connectionString)
    {
        var probe = new DatabaseProbe(connectionString);
        await WaitUntilAsync(async () => (await probe.CountAsync()).Changes == 0, "the periodic jobs did not prune the feed");
    }

    private static async Task WaitUntilReadModelsReachAsync(string connectionString, long head)
    {
        var probe = new DatabaseProbe(connectionString);
        await WaitUntilAsync(
            async () => (await probe.QueryAsync<long?>("SELECT min(checkpoint_seq) FROM projection_checkpoints")).Single() >= head,
            $"the read models did not read the feed up to {head}");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within 60 s");
            await Task.Delay(50);
        }
    }
}
