using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>ChangeFeedService through the HTTP/JSON door: the feed as newline-delimited JSON, acknowledged and resumed.</summary>
public sealed class FeedOverHttpTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private JsonDoor landlord = null!;
    private RegistryService.RegistryServiceClient registrar = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("httpjson-feed", httpJson: true);
        landlord = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(
            hub.Channel, TestOrganizations.Of("landlord-b", OrganizationKind.Landlord, stock: ["14118"], desks: ["LB001"])));
        registrar = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync()
    {
        landlord.Dispose();
        await hub.DisposeAsync();
    }

    private async Task<string> RegisterOverGrpcAsync() =>
        (await registrar.CreateApplicationAsync(TestApplications.Create())).Application.Name;

    [Fact]
    public async Task Stream_OverHttp11_DeliversAChangeRegisteredOverGrpcAsOneJsonObjectPerLine()
    {
        await using var feed = await NdjsonFeed.OpenAsync(landlord, "/v1/subscriptions/erp:stream");
        Assert.NotNull((await feed.NextAsync()).CaughtUp);

        var name = await RegisterOverGrpcAsync();
        var change = (await feed.UntilChangeOfAsync(name)).Last();

        Assert.Equal("application/json", feed.ContentType);
        Assert.Equal(ChangeKind.Registered, change.Kind);
        Assert.Equal(1, change.Revision);
        Assert.Equal("organizations/test-registrar", change.Actor);
        Assert.Equal(name, change.ApplicationState.Name);
    }

    [Fact]
    public async Task AcknowledgeThenResume_OverHttp11_StartsAfterTheCheckpoint()
    {
        var first = await RegisterOverGrpcAsync();
        long firstSeq;
        await using (var feed = await NdjsonFeed.OpenAsync(landlord, "/v1/subscriptions/erp:stream"))
        {
            firstSeq = (await feed.UntilChangeOfAsync(first)).Last().ChangeSeq;
        }

        var acknowledged = await landlord.PostAsync<AcknowledgeResponse>("/v1/subscriptions/erp:acknowledge", new AcknowledgeRequest { ChangeSeq = firstSeq });
        var read = await landlord.GetAsync<Subscription>("/v1/subscriptions/erp");
        var second = await RegisterOverGrpcAsync();

        // Resumed from the stored checkpoint, then from an explicit position in the query.
        await using var resumed = await NdjsonFeed.OpenAsync(landlord, "/v1/subscriptions/erp:stream");
        var fromCheckpoint = await resumed.UntilChangeOfAsync(second);
        await using var replayed = await NdjsonFeed.OpenAsync(landlord, $"/v1/subscriptions/other:stream?startAfterChangeSeq={firstSeq - 1}");
        var fromPosition = await replayed.UntilChangeOfAsync(second);

        Assert.Equal("organizations/landlord-b/subscriptions/erp", acknowledged.Subscription.Name);
        Assert.Equal(firstSeq, read.CheckpointChangeSeq);
        Assert.Equal([second], fromCheckpoint.Select(c => c.Application));
        Assert.Equal([first, second], fromPosition.Select(c => c.Application));
    }
}
