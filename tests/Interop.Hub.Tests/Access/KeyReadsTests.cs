using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>
/// Calls of one key that arrive together share reads of it (the fifty acknowledgements fifty feed
/// subscribers send at the same moment): they all succeed without the hub opening a PostgreSQL
/// connection for each, and a revoked key is still refused at the next call.
/// </summary>
public sealed class KeyReadsTests : IAsyncLifetime
{
    private const int Burst = 60;

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("keyreads");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task SixtyCallsOfOneKeyAtOnce_AllSucceed_OnAFewConnections_AndTheKeyOnceRevokedIsRefused()
    {
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("burst", OrganizationKind.StateService, departements: ["14"]));
        var feed = new ChangeFeedService.ChangeFeedServiceClient(ApiKeyCredentials.Over(hub.Channel, key));

        // Acknowledge needs nothing from the database but the key and one grouped upsert: a connection per
        // call can only come from reading the key.
        var acknowledged = await Task.WhenAll(Enumerable.Range(0, Burst).Select(i =>
            feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = $"s{i}", ChangeSeq = 0 }).ResponseAsync));
        var backends = await new DatabaseProbe(hub.ConnectionString).OtherConnectionsAsync();

        Assert.Equal(Burst, acknowledged.Length);
        Assert.True(backends < Burst / 3, $"{backends} PostgreSQL connections of the hub after {Burst} calls of one key at once");

        var admin = new AdminService.AdminServiceClient(hub.Admin);
        var listed = await admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = "organizations/burst" });
        await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Name = listed.ApiKeys.Single().Name });
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = "s0", ChangeSeq = 0 }).ResponseAsync);
    }
}
