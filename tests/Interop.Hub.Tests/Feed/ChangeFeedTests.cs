using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using FeedPruning = Interop.Hub.Feed.FeedPruning;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The change feed end to end over gRPC: who sees what, in which order, and
/// how a subscriber resumes. What a subscriber receives is read through the
/// client library's subscription, as integrators read it; the hub's protocol
/// itself (markers, stored checkpoints, CHECKPOINT_EXPIRED) on the raw stream.
/// </summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private readonly Dictionary<string, CallInvoker> landlords = [];
    private readonly Dictionary<string, InteropClient> clients = [];

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("feed");
        await JoinAsync("a", "14118", "LA001");
        await JoinAsync("b", "14327", "LB001");
        await JoinAsync("c", "61001", "LC001");
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ThreeLandlordsPushingWhileSubscribed_EachSeesExactlyWhatItMaySeeOnceAndInOrder()
    {
        var recorders = clients.ToDictionary(l => l.Key, l => FeedRecorder.Subscribe(l.Value, new FeedSubscriptionOptions { SubscriptionId = "erp" }));
        try
        {
            var calvados = new List<string>();
            await Task.WhenAll(
                PushAsync("a", "LA001", "14", 8, calvados),
                PushAsync("b", "LB001", "14", 8, calvados),
                PushAsync("c", "LC001", "61", 8, null));

            // A and B also change each other's applications of the Calvados.
            var registryA = new RegistryService.RegistryServiceClient(landlords["a"]);
            var registryB = new RegistryService.RegistryServiceClient(landlords["b"]);
            await Task.WhenAll(calvados.Select(async (number, i) =>
            {
                var registry = i % 2 == 0 ? registryA : registryB;
                for (var attempt = 0; ; attempt++)
                {
                    var current = await registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
                    try
                    {
                        await registry.UpdateApplicationAsync(Update(current, HousingSituation.Hotel));
                        return;
                    }
                    catch (RpcException conflict) when (conflict.StatusCode == StatusCode.Aborted && attempt < 5)
                    {
                    }
                }
            }));

            var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
            var log = await new DatabaseProbe(hub.ConnectionString).QueryAsync<(string ChangeId, string Actor, string Departement)>(
                "SELECT change_id::text, actor, departement FROM changes ORDER BY change_seq");
            foreach (var (landlord, recorder) in recorders)
            {
                await recorder.WaitForCaughtUpAsync(head);
                var organization = "landlord-" + landlord;
                var departement = landlord == "c" ? "61" : "14";
                var expected = log.Where(c => c.Actor != organization && c.Departement == departement).Select(c => c.ChangeId).ToList();
                var changes = recorder.Changes;

                Assert.Equal(expected, changes.Select(c => c.ChangeId).Distinct());
                Assert.Equal(changes.Count, changes.Select(c => c.ChangeId).Distinct().Count());
                Assert.DoesNotContain(changes, c => c.Actor == "organizations/" + organization);
                Assert.True(changes.Select(c => c.ChangeSeq).SequenceEqual(changes.Select(c => c.ChangeSeq).Order()), $"{organization}: change_seq out of order");
                foreach (var perApplication in changes.GroupBy(c => c.Application))
                {
                    var revisions = perApplication.Select(c => c.Revision).ToList();
                    Assert.True(revisions.SequenceEqual(revisions.Order()), $"{organization}: revisions of {perApplication.Key} out of order");
                }

                Assert.All(changes, c => Assert.Equal(departement, c.ApplicationState.Departement));
            }
        }
        finally
        {
            foreach (var recorder in recorders.Values)
            {
                await recorder.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SubscriberStoppedMidStream_ResumesAfterItsAcknowledgedCheckpointWithoutGap()
    {
        var first = FeedRecorder.StartRaw(landlords["b"], new SubscribeRequest { SubscriptionId = "resume" });
        var numbers = new List<string>();
        await PushAsync("a", "LA001", "14", 6, numbers);
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await first.WaitForCaughtUpAsync(head);
        var delivered = first.Changes;
        var feed = new ChangeFeedService.ChangeFeedServiceClient(landlords["b"]);
        var acknowledged = delivered[2].ChangeSeq;
        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = "resume", ChangeSeq = acknowledged });
        await first.DisposeAsync();

        await PushAsync("a", "LA001", "14", 4, numbers);
        await using var second = FeedRecorder.StartRaw(landlords["b"], new SubscribeRequest { SubscriptionId = "resume" });
        await second.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString));

        var all = delivered.Take(3).Concat(second.Changes).Select(c => c.ChangeId).ToList();
        var expected = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>(
            "SELECT change_id::text FROM changes WHERE actor = 'landlord-a' ORDER BY change_seq");
        Assert.Equal(expected, all);
        Assert.All(second.Changes, c => Assert.True(c.ChangeSeq > acknowledged));
        var stored = await feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = "resume" });
        Assert.Equal(acknowledged, stored.CheckpointChangeSeq);
    }

    [Fact]
    public async Task IdleOrFilteredOut_StreamSendsCaughtUpHeartbeatsAndCheckpoints()
    {
        await using var orne = FeedRecorder.StartRaw(landlords["c"], new SubscribeRequest
        {
            SubscriptionId = "markers",
            HeartbeatInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
        });
        await orne.WaitForCaughtUpAsync(0);

        await PushAsync("a", "LA001", "14", 3, null);
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await orne.WaitForCaughtUpAsync(head);

        // A heartbeat at the head comes after the stream passed the three changes (it filtered them
        // out), so the negative check below follows the event that proves they were handled.
        await orne.WaitForAsync(
            m => m.EventCase == SubscribeResponse.EventOneofCase.Heartbeat && m.Heartbeat.ChangeSeq == head, $"send a heartbeat at {head}");
        var messages = orne.Messages;
        Assert.Empty(orne.Changes);
        Assert.Contains(messages, m => m.EventCase == SubscribeResponse.EventOneofCase.Checkpoint && m.Checkpoint.ChangeSeq == head);
        Assert.Contains(messages, m => m.EventCase == SubscribeResponse.EventOneofCase.Heartbeat && m.Heartbeat.ChangeSeq == head);
    }

    [Fact]
    public async Task Filters_NarrowWhatTheOrganisationMaySeeButNeverWidenIt()
    {
        await using var widening = FeedRecorder.Subscribe(clients["c"], new FeedSubscriptionOptions { SubscriptionId = "wider", Departements = { "14" } });
        await using var narrowing = FeedRecorder.Subscribe(clients["b"], new FeedSubscriptionOptions
        {
            SubscriptionId = "narrower",
            Kinds = { ChangeKind.Radiated },
        });
        var numbers = new List<string>();
        await PushAsync("a", "LA001", "14", 2, numbers);
        var registry = new RegistryService.RegistryServiceClient(landlords["a"]);
        await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = "applications/" + numbers[0], ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
        });
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await widening.WaitForCaughtUpAsync(head);
        await narrowing.WaitForCaughtUpAsync(head);

        Assert.Empty(widening.Changes);
        var radiation = Assert.Single(narrowing.Changes);
        Assert.Equal(ChangeKind.Radiated, radiation.Kind);
        Assert.Equal(RadiationReason.Renunciation, radiation.ApplicationState.Radiation.Reason);
    }

    [Fact]
    public async Task Pruning_WhenNoChangeIsOlderThanRetention_DeletesNothing_EvenWithEveryReadModelCaughtUp()
    {
        var numbers = new List<string>();
        await PushAsync("a", "LA001", "14", 2, numbers);
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await hub.Services.GetRequiredService<Interop.Hub.Projections.ProjectionRunner>().CatchUpAsync(CancellationToken.None);

        Assert.Equal(0, await hub.Services.GetRequiredService<FeedPruning>().RunOnceAsync(CancellationToken.None));
        await using var late = FeedRecorder.Subscribe(clients["b"], new FeedSubscriptionOptions { SubscriptionId = "after-pruning" });
        await late.WaitForCaughtUpAsync(head);
        Assert.Equal(numbers.Order(StringComparer.Ordinal), late.Changes.Select(c => c.ApplicationState.Number).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task CheckpointOlderThanRetention_IsExpired_AndThePinnedListingLeadsBack()
    {
        var numbers = new List<string>();
        await PushAsync("a", "LA001", "14", 3, numbers);
        await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        // Pruning never passes a read model kept from the feed (cotation, observatory): let them read all three first.
        await hub.Services.GetRequiredService<Interop.Hub.Projections.ProjectionRunner>().CatchUpAsync(CancellationToken.None);
        hub.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(3, await hub.Services.GetRequiredService<FeedPruning>().RunOnceAsync(CancellationToken.None));

        var feed = new ChangeFeedService.ChangeFeedServiceClient(landlords["b"]);
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, async () =>
        {
            using var call = feed.Subscribe(new SubscribeRequest { SubscriptionId = "late" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        }, "CHECKPOINT_EXPIRED");

        var listing = await new RegistryService.RegistryServiceClient(landlords["b"]).ListApplicationsAsync(new ListApplicationsRequest());
        Assert.Equal(numbers.Order(StringComparer.Ordinal), listing.Applications.Select(a => a.Number));
        await PushAsync("a", "LA001", "14", 1, numbers);
        await using var resumed = FeedRecorder.Subscribe(clients["b"], new FeedSubscriptionOptions { SubscriptionId = "late", StartAfterChangeSeq = listing.ChangeSeq });
        await resumed.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString));

        Assert.Equal([numbers[^1]], resumed.Changes.Select(c => c.ApplicationState.Number));
    }

    [Fact]
    public async Task StatisticsReader_GetsNoNominativeFeed()
    {
        var observatory = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("observatory", OrganizationKind.StatisticsReader));
        var feed = new ChangeFeedService.ChangeFeedServiceClient(observatory);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () =>
        {
            using var call = feed.Subscribe(new SubscribeRequest { SubscriptionId = "stats" });
            await call.ResponseStream.MoveNext(CancellationToken.None);
        });
    }

    private async Task JoinAsync(string landlord, string stock, string desk)
    {
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("landlord-" + landlord, OrganizationKind.Landlord, stock: [stock], desks: [desk]));
        landlords[landlord] = ApiKeyCredentials.Over(hub.Channel, key);
        clients[landlord] = hub.Connect(key);
    }

    private async Task PushAsync(string landlord, string desk, string departement, int count, List<string>? numbers)
    {
        var registry = new RegistryService.RegistryServiceClient(landlords[landlord]);
        for (var i = 0; i < count; i++)
        {
            var application = TestApplications.Valid();
            application.Departement = departement;
            application.Wishes.CommuneCodes.Clear();
            application.Wishes.CommuneCodes.Add(departement == "61" ? "61001" : "14118");
            var created = (await registry.CreateApplicationAsync(TestApplications.Create(desk, application))).Application;
            lock (this)
            {
                numbers?.Add(created.Number);
            }
        }
    }

    private static UpdateApplicationRequest Update(Application current, HousingSituation housing) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Application = new Application { Name = current.Name, CurrentHousing = housing },
        UpdateMask = new FieldMask { Paths = { "current_housing" } },
        ExpectedRevision = current.Revision,
    };
}
