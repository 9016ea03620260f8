using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;
using Xunit.Abstractions;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// A subscriber that stops reading with more than 50 MiB of changes behind
/// it: the hub keeps serving a fast subscriber at once, its memory stays flat
/// (it does not buffer the backlog), and when the slow one reads again it gets
/// all of it, once and in order, from the database.
/// </summary>
/// <remarks>
/// Memory is the managed heap retained after a full collection
/// (<see cref="GC.GetTotalMemory(bool)"/>), sampled every 250 ms: the hub
/// runs in this test process, so this is the hub's heap plus the test's
/// (which keeps positions, not messages). The class runs alone
/// (<see cref="SlowSubscriberCollection"/>).
/// </remarks>
[Collection(SlowSubscriberCollection.Name)]
public sealed class SlowSubscriberTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long BacklogBytes = 50L * 1024 * 1024;
    // Holding the backlog would grow the heap by more than its 55 MiB of wire bytes (more as objects).
    // The hub's own transient buffers (pages being written, the shared window, HTTP/2 and Npgsql buffers)
    // peaked at 20-29 MiB on a 2-core machine at load 30; 32 MiB leaves them room and still fails if even
    // 60 % of the backlog were held.
    private const double AllowedGrowthMiB = 32;

    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private string prefectureKey = "";

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("slowsub");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefectureKey = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task SlowSubscriberWithFiftyMiBBehind_DoesNotDelayAFastOne_NorGrowTheHubsMemory_ThenGetsEverythingOnceInOrder()
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var seed = (await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application.Number;
        var start = await FeedHead.WhenSequencedAsync(hub.ConnectionString);

        // Each subscriber on its own connection, as separate integrators are:
        // only the slow one's HTTP/2 window fills up.
        using var slowChannel = GrpcChannel.ForAddress(hub.Address);
        using var fastChannel = GrpcChannel.ForAddress(hub.Address);
        await using var slow = FeedCounter.StartPaused(
            ApiKeyCredentials.Over(slowChannel, prefectureKey), new SubscribeRequest { SubscriptionId = "slow", StartAfterChangeSeq = start }, messages: 1);
        await using var fast = FeedCounter.Start(
            ApiKeyCredentials.Over(fastChannel, prefectureKey), new SubscribeRequest { SubscriptionId = "fast", StartAfterChangeSeq = start });
        await fast.WaitForCaughtUpAsync(start, TimeSpan.FromSeconds(30));
        var before = HeapMiB();

        using var sampling = new CancellationTokenSource();
        var peak = PeakHeapMiBAsync(sampling.Token);
        var head = start;
        while (fast.Bytes < BacklogBytes * 11 / 10)
        {
            head = await FeedBacklog.AddAsync(hub.ConnectionString, seed, "landlord-a", 20_000);
            await fast.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(120));
        }

        // Live changes reach the fast subscriber at once, the slow one still blocked.
        var delays = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            await registry.CreateApplicationAsync(TestApplications.Create("LA001"));
            var written = DateTime.UtcNow;
            head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
            await fast.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(10));
            delays.Add(fast.ArrivalOf(head)!.Value - written);
        }

        await sampling.CancelAsync();
        var peakMiB = await peak;
        var after = HeapMiB();
        var backlogMiB = fast.Bytes / 1048576.0;
        output.WriteLine($"backlog {head - start} changes, {backlogMiB:F1} MiB; slow received {slow.Count}; managed heap before {before:F1} MiB, peak {peakMiB:F1}, after {after:F1}; live delays {string.Join(", ", delays.Select(d => $"{d.TotalMilliseconds:F0} ms"))}");

        Assert.Equal(0, slow.Count);
        Assert.True(fast.Bytes >= BacklogBytes, $"backlog {backlogMiB:F1} MiB");
        // Held behind the slow subscriber, a live change would never arrive (the slow one reads nothing). The
        // bound leaves room for this process' own full collections of a heap shared with parallel tests
        // (1.6 GB in CI, sampled every 250 ms above): one live change took 2.6 s there, the others 3–15 ms.
        Assert.All(delays, d => Assert.True(d < TimeSpan.FromSeconds(5), $"live change reached the fast subscriber after {d.TotalMilliseconds:F0} ms"));
        Assert.True(peakMiB - before < AllowedGrowthMiB, $"managed heap grew {peakMiB - before:F1} MiB (before {before:F1}, peak {peakMiB:F1}) with {backlogMiB:F1} MiB behind the slow subscriber");

        slow.Resume();
        await slow.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(180));
        var everything = Enumerable.Range(1, (int)(head - start)).Select(i => start + i).ToList();
        Assert.Equal(everything, slow.Seqs);
        Assert.Equal(everything, fast.Seqs);
    }

    private static double HeapMiB() => GC.GetTotalMemory(forceFullCollection: true) / 1048576.0;

    private static async Task<double> PeakHeapMiBAsync(CancellationToken stop)
    {
        var peak = HeapMiB();
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(250, stop);
            }
            catch (OperationCanceledException)
            {
            }

            peak = Math.Max(peak, HeapMiB());
        }

        return peak;
    }
}
