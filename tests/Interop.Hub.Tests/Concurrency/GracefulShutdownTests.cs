using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Concurrency;

/// <summary>A hub stopped by its orchestrator ends open feed streams cleanly; the client resumes on another process.</summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task HubStopped_EndsFeedStreamsCleanlyAndTheSubscriberResumesElsewhere()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("shutdown");
        var first = await ExternalHubProcess.StartAsync(connectionString);
        await using var second = await ExternalHubProcess.StartAsync(connectionString);
        using var channelA = GrpcChannel.ForAddress(first.Address);
        using var channelB = GrpcChannel.ForAddress(second.Address);
        var writer = await HubAccess.IssueKeyAsync(channelA, TestOrganizations.Of("writer", OrganizationKind.Landlord, stock: ["14118"], desks: ["W0001"]));
        var reader = await HubAccess.IssueKeyAsync(channelA, TestOrganizations.Of("reader", OrganizationKind.StateService, departements: ["14"]));
        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channelB, writer));
        await registry.CreateApplicationAsync(TestApplications.Create("W0001"));
        var stream = FeedRecorder.StartRaw(ApiKeyCredentials.Over(channelA, reader), new SubscribeRequest { SubscriptionId = "erp" });
        await stream.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(connectionString));

        await first.StopGracefullyAsync(TimeSpan.FromSeconds(30));

        // The stream ended with an OK status, not an error: the reader's loop simply completed.
        await stream.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(stream.Completion.IsCompletedSuccessfully);
        var seen = stream.Changes.Last().ChangeSeq;
        await new ChangeFeedService.ChangeFeedServiceClient(ApiKeyCredentials.Over(channelB, reader))
            .AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = "erp", ChangeSeq = seen });
        await registry.CreateApplicationAsync(TestApplications.Create("W0001"));
        await using var resumed = FeedRecorder.StartRaw(ApiKeyCredentials.Over(channelB, reader), new SubscribeRequest { SubscriptionId = "erp" });
        await resumed.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(connectionString));

        Assert.Equal([seen + 1], resumed.Changes.Select(c => c.ChangeSeq));
        await stream.DisposeAsync();
        await first.DisposeAsync();
    }
}
