using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// A crowd of subscribers starting their streams together (a hub restart, streams ending together at their
/// lifetime) opens them a few at a time: every stream starts and catches up, without the hub opening a
/// PostgreSQL connection for each.
/// </summary>
public sealed class StreamStartsTests : IAsyncLifetime
{
    private const int Crowd = 60;

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("streamstarts");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task SixtyStreamsStartingAtOnce_AllCatchUp_OnAFewConnections()
    {
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("crowd", OrganizationKind.StateService, departements: ["14"]));
        var feed = new ChangeFeedService.ChangeFeedServiceClient(ApiKeyCredentials.Over(hub.Channel, key));
        using var ending = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var calls = Enumerable.Range(0, Crowd)
            .Select(i => feed.Subscribe(new SubscribeRequest { SubscriptionId = $"crowd-{i}" }, cancellationToken: ending.Token))
            .ToList();
        try
        {
            // Each new subscription starts at its checkpoint (0) and says it is caught up at the head.
            var first = await Task.WhenAll(calls.Select(async call =>
            {
                Assert.True(await call.ResponseStream.MoveNext(ending.Token));
                return call.ResponseStream.Current;
            }));
            var backends = await new DatabaseProbe(hub.ConnectionString).OtherConnectionsAsync();

            Assert.All(first, message => Assert.Equal(SubscribeResponse.EventOneofCase.CaughtUp, message.EventCase));
            Assert.True(backends < Crowd / 3, $"{backends} PostgreSQL connections of the hub after {Crowd} streams started at once");
        }
        finally
        {
            foreach (var call in calls)
            {
                call.Dispose();
            }
        }
    }
}
