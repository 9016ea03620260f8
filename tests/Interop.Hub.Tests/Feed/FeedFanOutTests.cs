using Interop.Contracts.V1;
using Interop.Hub.Feed;
using Interop.Testing;
using Grpc.Core;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The feed's fan-out over a real hub: many subscribers share one reader and
/// still each get every change once and in order; a subscriber far behind the
/// shared window reads its own pages, then joins the live fan-out without a
/// gap or a duplicate. Raw streams, so that a change sent twice would show.
/// </summary>
public sealed class FeedFanOutTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private CallInvoker prefecture = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("fanout");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefecture = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task FiftySubscribersWhileFourClientsWrite_EachReceivesEveryChangeOnceInOrder_AndEveryDeliveryIsAudited()
    {
        var counters = Enumerable.Range(0, 50).Select(i => FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = $"s{i}" })).ToList();
        try
        {
            await Task.WhenAll(counters.Select(c => c.WaitForCaughtUpAsync(0, TimeSpan.FromSeconds(30))));

            await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateAsync(10)));
            var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
            await Task.WhenAll(counters.Select(c => c.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(30))));

            var expected = await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT change_seq FROM changes ORDER BY change_seq");
            Assert.Equal(40, expected.Count);
            Assert.All(counters, c => Assert.Equal(expected, c.Seqs));

            // Every application delivered is audited as read by the subscribers' organisation, none lost to batching.
            // The fifty streams share one key and one connection: to an auditor one reader, one row per batch.
            var audited = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>(
                """
                SELECT DISTINCT n FROM feed_delivery_audits, unnest(application_numbers) AS n
                WHERE organization_id = 'prefecture' AND method LIKE '%/Subscribe'
                """);
            var delivered = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>("SELECT DISTINCT application_number FROM changes");
            Assert.Equal(40, delivered.Count);
            Assert.Equal(delivered.Order(StringComparer.Ordinal), audited.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var counter in counters)
            {
                await counter.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SubscriberFarBehindTheSharedWindow_CatchesUpThenJoinsLiveWithoutGapOrDuplicate()
    {
        // A live subscriber keeps the shared window moving while the late one reads its backlog.
        await using var live = FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = "live" });
        await live.WaitForCaughtUpAsync(0, TimeSpan.FromSeconds(30));
        var seed = await CreateAsync(1);
        var backlogHead = await FeedBacklog.AddAsync(hub.ConnectionString, seed[0], "landlord-a", 2 * FeedFanOut.WindowCapacity + 500);
        await live.WaitForCaughtUpAsync(backlogHead, TimeSpan.FromSeconds(60));

        await using var late = FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = "late" });
        var writing = CreateAsync(30);
        await writing;
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await late.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(60));
        await live.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(30));

        var everything = Enumerable.Range(1, (int)head).Select(i => (long)i).ToList();
        Assert.True(head > 2 * FeedFanOut.WindowCapacity, $"head {head}: the late subscriber started behind the window");
        Assert.Equal(everything, late.Seqs);
        Assert.Equal(everything, live.Seqs);
    }

    private async Task<List<string>> CreateAsync(int count)
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            numbers.Add((await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application.Number);
        }

        return numbers;
    }
}
