using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// Several subscribers that stop reading, each stream then held in a write by HTTP/2 flow control:
/// another subscriber still gets every change, live ones at once, and the stalled ones get theirs
/// once and in order when they read again. Guards anything the streams share (a limit on
/// concurrent deliveries was tried: a stream waiting on its subscriber must never hold a share).
/// </summary>
public sealed class StalledSubscribersTests : IAsyncLifetime
{
    // Far more than a stream's HTTP/2 window and Kestrel's buffer for it (64 KiB each): every stalled
    // stream ends up in a write that waits for its subscriber.
    private const int Backlog = 5000;

    // More than the cores of a CI machine: a per-process limit of "a few deliveries at a time"
    // held by waiting streams would be exhausted.
    private const int Stalled = 8;

    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private string prefectureKey = "";

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("stalled");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefectureKey = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task SeveralSubscribersStopReading_AnotherStillGetsEveryChange_ThenTheyGetTheirsOnceInOrder()
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var seed = (await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application.Number;
        var start = await FeedHead.WhenSequencedAsync(hub.ConnectionString);

        // Each subscriber on its own connection, as separate integrators are: only the stalled ones' windows fill up.
        var channels = Enumerable.Range(0, Stalled + 1).Select(_ => GrpcChannel.ForAddress(hub.Address)).ToList();
        var stalled = channels.Skip(1).Select((channel, i) => FeedCounter.StartPaused(
            ApiKeyCredentials.Over(channel, prefectureKey), new SubscribeRequest { SubscriptionId = $"stalled-{i}", StartAfterChangeSeq = start }, messages: 1)).ToList();
        var reading = FeedCounter.Start(ApiKeyCredentials.Over(channels[0], prefectureKey), new SubscribeRequest { SubscriptionId = "reading", StartAfterChangeSeq = start });
        try
        {
            await reading.WaitForCaughtUpAsync(start, TimeSpan.FromSeconds(30));
            var head = await FeedBacklog.AddAsync(hub.ConnectionString, seed, "landlord-a", Backlog);

            // Were the stalled streams to hold anything shared while their writes wait, nothing would reach this one.
            await reading.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(120));
            for (var i = 0; i < 3; i++)
            {
                await registry.CreateApplicationAsync(TestApplications.Create("LA001"));
                head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
                await reading.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(30));
            }

            Assert.All(stalled, s => Assert.True(s.Count <= 1, $"a stalled subscriber read {s.Count} changes"));
            // Each stalled stream was sent the same bytes: more than its window and the hub's buffer hold.
            Assert.True(reading.Bytes > 512 * 1024, $"{reading.Bytes} B delivered: not enough to fill the stalled streams' windows");

            foreach (var counter in stalled)
            {
                counter.Resume();
            }

            var everything = Enumerable.Range(1, (int)(head - start)).Select(i => start + i).ToList();
            Assert.Equal(everything, reading.Seqs);
            foreach (var counter in stalled)
            {
                await counter.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(120));
                Assert.Equal(everything, counter.Seqs);
            }
        }
        finally
        {
            await reading.DisposeAsync();
            foreach (var counter in stalled)
            {
                await counter.DisposeAsync();
            }

            foreach (var channel in channels)
            {
                channel.Dispose();
            }
        }
    }
}
