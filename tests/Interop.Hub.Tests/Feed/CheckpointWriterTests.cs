using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// Acknowledgements stored by group commit (<see cref="Hub.Feed.CheckpointWriter"/>): many
/// subscribers acknowledging at the same moment share statements, and each still gets its own
/// answer, its own checkpoint stored, never moved back, and a refusal of its own when it
/// acknowledges beyond the feed's head.
/// </summary>
public sealed class CheckpointWriterTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private CallInvoker landlord = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("checkpoints");
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        landlord = ApiKeyCredentials.Over(hub.Channel, key);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ManySubscribersAcknowledgingAtOnce_EachStoresItsOwnCheckpointForwardOnly()
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        for (var i = 0; i < 6; i++)
        {
            await registry.CreateApplicationAsync(TestApplications.Create("LA001"));
        }

        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(landlord);
        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = "ahead", ChangeSeq = head });

        // Forty subscriptions at once, one of them twice (its two acknowledgements cannot share a
        // statement), one that already stood at the head acknowledging an older position, and one
        // acknowledging beyond the head, which alone is refused.
        var expected = Enumerable.Range(0, 40).ToDictionary(i => $"s-{i}", i => 1 + (i % head));
        var calls = expected.Select(pair => Acknowledge(feed, pair.Key, pair.Value)).ToList();
        calls.Add(Acknowledge(feed, "s-0", head));
        calls.Add(Acknowledge(feed, "ahead", 1));
        var beyond = RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => Acknowledge(feed, "beyond", head + 5));
        await Task.WhenAll(calls.Append(beyond));
        expected["s-0"] = head;
        expected["ahead"] = head;

        foreach (var (subscription, checkpoint) in expected)
        {
            var stored = await feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = subscription });
            Assert.Equal(checkpoint, stored.CheckpointChangeSeq);
        }

        await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
            await feed.GetSubscriptionAsync(new GetSubscriptionRequest { SubscriptionId = "beyond" }));
    }

    private static async Task Acknowledge(ChangeFeedService.ChangeFeedServiceClient feed, string subscription, long changeSeq)
    {
        var answer = await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = changeSeq });
        Assert.EndsWith("/subscriptions/" + subscription, answer.Subscription.Name, StringComparison.Ordinal);
        Assert.True(answer.Subscription.CheckpointChangeSeq >= changeSeq);
    }
}
