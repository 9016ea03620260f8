using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Concurrency;

/// <summary>
/// Two hub processes on one database, writers on both, a subscriber on each:
/// both subscribers see the same single order — the same change at the same
/// change_seq — whichever process sequenced it and whichever serves the stream.
/// </summary>
public sealed class TwoHubFeedTests
{
    [Fact]
    public async Task TwoHubProcesses_ServeTheSameFeedInTheSameOrder()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("twofeeds");
        var hubs = await Task.WhenAll(ExternalHubProcess.StartAsync(connectionString), ExternalHubProcess.StartAsync(connectionString));
        await using var first = hubs[0];
        await using var second = hubs[1];
        using var channelA = GrpcChannel.ForAddress(first.Address);
        using var channelB = GrpcChannel.ForAddress(second.Address);
        var writer = await HubAccess.IssueKeyAsync(channelA, TestOrganizations.Of("writer", OrganizationKind.Landlord, stock: ["14118"], desks: ["W0001"]));
        var reader = await HubAccess.IssueKeyAsync(channelA, TestOrganizations.Of("reader", OrganizationKind.StateService, departements: ["14"]));
        await using var onA = FeedRecorder.StartRaw(ApiKeyCredentials.Over(channelA, reader), new SubscribeRequest { SubscriptionId = "on-a" });
        await using var onB = FeedRecorder.StartRaw(ApiKeyCredentials.Over(channelB, reader), new SubscribeRequest { SubscriptionId = "on-b" });

        await Task.WhenAll(new[] { channelA, channelB }.Select(channel => Task.Run(async () =>
        {
            var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, writer));
            for (var i = 0; i < 40; i++)
            {
                var created = (await registry.CreateApplicationAsync(TestApplications.Create("W0001"))).Application;
                if (i % 3 == 0)
                {
                    await registry.RadiateApplicationAsync(new RadiateApplicationRequest
                    {
                        RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
                    });
                }
            }
        })));

        var head = await FeedHead.WhenSequencedAsync(connectionString);
        await onA.WaitForCaughtUpAsync(head);
        await onB.WaitForCaughtUpAsync(head);

        var seenOnA = onA.Changes.Select(c => (c.ChangeSeq, c.ChangeId)).ToList();
        Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), seenOnA.Select(c => c.ChangeSeq));
        Assert.Equal(seenOnA, onB.Changes.Select(c => (c.ChangeSeq, c.ChangeId)).ToList());
        Assert.Equal(80 + 28, seenOnA.Count);
    }
}
