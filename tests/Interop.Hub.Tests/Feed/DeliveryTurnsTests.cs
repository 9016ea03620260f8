using Grpc.Core;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Hub.Feed;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The fan-out's streams write a few at a time (<see cref="DeliveryTurns"/>), and a stream whose
/// subscriber stops reading gives its turn back while HTTP/2 flow control holds its write: more
/// stalled subscribers than there are turns do not stop another subscriber's delivery.
/// </summary>
public sealed class DeliveryTurnsTests : IAsyncLifetime
{
    // Far more than a stream's HTTP/2 window and Kestrel's buffer for it (64 KiB each): every stalled
    // stream ends up in a write that waits for its subscriber.
    private const int Backlog = 5000;

    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private string prefectureKey = "";

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("turns");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefectureKey = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task MoreSubscribersStopReadingThanThereAreTurns_AnotherStillGetsEveryChange_ThenTheyGetTheirsOnceInOrder()
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var seed = (await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application.Number;
        var start = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        var turns = hub.Services.GetRequiredService<DeliveryTurns>().Count;

        // Each subscriber on its own connection, as separate integrators are: only the stalled ones' windows fill up.
        var channels = Enumerable.Range(0, turns + 3).Select(_ => GrpcChannel.ForAddress(hub.Address)).ToList();
        var stalled = channels.Skip(1).Select((channel, i) => FeedCounter.StartPaused(
            ApiKeyCredentials.Over(channel, prefectureKey), new SubscribeRequest { SubscriptionId = $"stalled-{i}", StartAfterChangeSeq = start }, messages: 1)).ToList();
        var reading = FeedCounter.Start(ApiKeyCredentials.Over(channels[0], prefectureKey), new SubscribeRequest { SubscriptionId = "reading", StartAfterChangeSeq = start });
        try
        {
            await reading.WaitForCaughtUpAsync(start, TimeSpan.FromSeconds(30));
            var head = await FeedBacklog.AddAsync(hub.ConnectionString, seed, "landlord-a", Backlog);

            // Were a stalled stream to keep its turn while its write waits, turns + 2 of them would hold every
            // turn and nothing would reach this subscriber again.
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
