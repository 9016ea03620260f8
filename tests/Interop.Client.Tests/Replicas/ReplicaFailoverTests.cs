using System.Collections.Concurrent;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;
using Xunit.Abstractions;

namespace Interop.Client.Tests.Replicas;

/// <summary>
/// Three hub replicas behind nginx: writers and feed subscribers go through
/// the proxy with the client library; mid-traffic one replica is SIGKILLed and
/// another drained with SIGTERM. Every subscriber still receives every change
/// once and in order, every write lands once with a unique number, and each
/// periodic job runs once per interval across the replicas.
/// </summary>
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaFailoverTests(ITestOutputHelper output)
{
    private const int Writers = 2;
    private const int WritesEach = 40;
    private const int Subscribers = 4;
    private static readonly TimeSpan JobInterval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task OneReplicaKilledAndOneDrainedMidTraffic_SubscribersGetEveryChangeOnceInOrder_WritesLandOnce_JobsRunOncePerInterval()
    {
        var started = DateTime.UtcNow;
        await using var replicas = await ThreeReplicas.StartAsync("replicas", new Dictionary<string, string>
        {
            ["Interop__RunJobs"] = "true",
            ["Interop__RenewalJobInterval"] = JobInterval.ToString(),
            ["Serilog__MinimumLevel__Override__Interop.Hub.Jobs.PeriodicJobs"] = "Information",
            ["Serilog__MinimumLevel__Override__Interop.Hub.Feed.ChangeFeedService"] = "Debug",
        });
        string writerKey, readerKey;
        using (var channel = GrpcChannel.ForAddress(replicas.Proxy.Address))
        {
            writerKey = await HubAccess.IssueKeyAsync(channel, ClientHub.Landlord("writer", "KR001"));
            readerKey = await HubAccess.IssueKeyAsync(channel, TestOrganizations.Of("reader", OrganizationKind.StateService, departements: ["14"]));
        }

        using var logs = new RecordedLogs();
        using var stop = new CancellationTokenSource();
        var subscriptions = new List<(InteropClient Client, FeedSubscription Subscription, List<long> Seen, Task Reading)>();
        for (var i = 0; i < Subscribers; i++)
        {
            // Each on its own client (its own connection to the proxy), as separate partners are.
            var client = InteropClient.Create(new InteropClientOptions { Address = replicas.Proxy.Address, ApiKey = readerKey, LoggerFactory = logs.Factory });
            var subscription = client.Subscribe(new FeedSubscriptionOptions { SubscriptionId = $"partner-{i}", AcknowledgeEvery = 5, ReconnectMaxDelay = TimeSpan.FromSeconds(1) });
            var seen = new List<long>();
            subscriptions.Add((client, subscription, seen, ReadAsync(subscription, seen, stop.Token)));
        }

        var written = 0;
        var numbers = new ConcurrentBag<string>();
        var writing = Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            // Enough attempts to outlast a replica's death: calls in flight there come back UNAVAILABLE.
            using var writer = InteropClient.Create(new InteropClientOptions
            {
                Address = replicas.Proxy.Address,
                ApiKey = writerKey,
                Retry = new InteropRetryOptions { MaxAttempts = 40, MaxDelay = TimeSpan.FromMilliseconds(500) },
            });
            for (var i = 0; i < WritesEach; i++)
            {
                numbers.Add((await writer.Registry.CreateApplicationAsync(TestApplications.Create("KR001"))).Application.Number);
                Interlocked.Increment(ref written);
                await Task.Delay(40);
            }
        })).ToList();

        var killed = replicas.Hubs[0];
        await WhenAsync(() => Volatile.Read(ref written) >= Writers * WritesEach / 3, writing, replicas);
        killed.Kill();

        // Drain the live replica that serves the most streams, so that the drain has streams to end.
        await WhenAsync(() => Volatile.Read(ref written) >= Writers * WritesEach * 2 / 3, writing, replicas);
        var drained = replicas.Hubs.Skip(1).OrderByDescending(OpenStreams).First();
        var streamsOnDrained = OpenStreams(drained);
        await drained.StopGracefullyAsync(TimeSpan.FromSeconds(30));
        await Task.WhenAll(writing);

        var head = await FeedHead.WhenSequencedAsync(replicas.ConnectionString);
        foreach (var (_, _, seen, reading) in subscriptions)
        {
            await WhenAsync(() => Last(seen) >= head, reading, replicas);
        }

        await stop.CancelAsync();
        foreach (var (client, subscription, _, reading) in subscriptions)
        {
            await reading;
            await subscription.DisposeAsync();
            client.Dispose();
        }

        var elapsed = DateTime.UtcNow - started;
        var stored = await new DatabaseProbe(replicas.ConnectionString).QueryAsync<string>("SELECT number FROM applications WHERE registering_desk = 'KR001'");

        // Every write once, each under its own number, the one its writer was given.
        Assert.Equal(Writers * WritesEach, stored.Count);
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), stored.Order(StringComparer.Ordinal));

        // Every subscriber: every change once, in order, across the kill and the drain.
        Assert.Equal(Writers * WritesEach, head);
        foreach (var (_, _, seen, _) in subscriptions)
        {
            Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seen);
        }

        Assert.True(logs.Count(2) >= 1, "no subscription reconnected: the kill and the drain went unnoticed");

        // The drain: an orderly exit, its streams ended for shutdown (clients told to reconnect), not broken.
        Assert.Equal(0, drained.ExitCode);
        Assert.True(streamsOnDrained >= 1, $"no stream was on the drained replica\n{replicas.Outputs}");
        Assert.Contains("ended for shutdown or rebalancing", drained.Output, StringComparison.Ordinal);

        // Jobs: once per interval across the replicas (each replica on its own would run them about three times as often).
        var renewals = replicas.Hubs.Sum(h => Count(h.Output, "The periodic job renewal ran on this replica"));
        var atMost = (int)(elapsed / (JobInterval * 0.95)) + 1;
        output.WriteLine($"{head} changes to {Subscribers} subscribers, {logs.Count(2)} reconnections, {streamsOnDrained} streams drained; renewal ran {renewals} times in {elapsed.TotalSeconds:F0} s (at most {atMost})");
        Assert.True(renewals >= 2, $"the renewal job ran {renewals} times in {elapsed.TotalSeconds:F0} s\n{replicas.Outputs}");
        Assert.True(renewals <= atMost, $"the renewal job ran {renewals} times in {elapsed.TotalSeconds:F0} s, more than once per interval ({atMost})");
    }

    private static Task ReadAsync(FeedSubscription subscription, List<long> seen, CancellationToken cancellationToken) => Task.Run(async () =>
    {
        try
        {
            await foreach (var change in subscription.ReadAllAsync(cancellationToken))
            {
                lock (seen)
                {
                    seen.Add(change.ChangeSeq);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    });

    // Streams end on a replica (logged) only for its shutdown or their lifetime until the test stops reading.
    private static int OpenStreams(ExternalHubProcess hub) =>
        Count(hub.Output, "started after change") - Count(hub.Output, "ended for shutdown or rebalancing");

    private static int Count(string text, string line) =>
        text.Split('\n').Count(l => l.Contains(line, StringComparison.Ordinal));

    private static long Last(List<long> seen)
    {
        lock (seen)
        {
            return seen.Count == 0 ? 0 : seen[^1];
        }
    }

    private static async Task WhenAsync(Func<bool> condition, Task work, ThreeReplicas replicas) =>
        await WhenAsync(condition, [work], replicas);

    private static async Task WhenAsync(Func<bool> condition, IReadOnlyList<Task> work, ThreeReplicas replicas)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (work.FirstOrDefault(t => t.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Waited 60 s.\n{replicas.Outputs}");
            await Task.Delay(20);
        }
    }
}
