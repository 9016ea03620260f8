using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Health.V1;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>Missing, malformed, unknown, expired and revoked keys are refused with UNAUTHENTICATED and a reason.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("authentication");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Theory]
    [InlineData(null, "Credentials are required")]
    [InlineData("Basic dXNlcjpwYXNz", "must be 'Bearer")]
    [InlineData("Bearer not-a-key", "malformed")]
    [InlineData("Bearer ik_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "not known")]
    public async Task Call_WithoutAValidKey_IsUnauthenticatedWithTheReason(string? header, string reason)
    {
        var metadata = new Metadata();
        if (header is not null)
        {
            metadata.Add("authorization", header);
        }

        var registry = new RegistryService.RegistryServiceClient(hub.Channel);
        var status = await RpcAssert.FailsAsync(
            StatusCode.Unauthenticated,
            () => registry.ListApplicationsAsync(new ListApplicationsRequest(), metadata).ResponseAsync,
            "UNAUTHENTICATED");

        Assert.Contains(reason, status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_AfterItsExpiry_IsRefused()
    {
        var expires = Timestamp.FromDateTimeOffset(hub.Clock.GetUtcNow().AddHours(1));
        var calls = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("short-lived", OrganizationKind.StateService, departements: ["14"]), expires);
        var registry = new RegistryService.RegistryServiceClient(calls);
        await registry.ListApplicationsAsync(new ListApplicationsRequest());

        hub.Clock.Advance(TimeSpan.FromHours(2));

        var status = await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);
        Assert.Contains("expired", status.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_OnceRevoked_IsRefusedAtOnceWhileTheOrganisationsOtherKeysWork()
    {
        var organization = TestOrganizations.Of("two-keys", OrganizationKind.StateService, departements: ["14"]);
        var first = await HubAccess.IssueKeyAsync(hub.Channel, organization);
        var admin = new AdminService.AdminServiceClient(hub.Admin);
        var second = await admin.IssueApiKeyAsync(new IssueApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Parent = "organizations/two-keys", DisplayName = "second" });
        var keys = await admin.ListApiKeysAsync(new ListApiKeysRequest { Parent = "organizations/two-keys" });
        var firstKey = keys.ApiKeys.Single(k => k.KeyId != second.ApiKey.KeyId);

        var revoked = await admin.RevokeApiKeyAsync(new RevokeApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Name = firstKey.Name });

        Assert.NotNull(revoked.RevokeTime);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(hub.Channel, first))
            .ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);
        await new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(hub.Channel, second.Secret)).ListApplicationsAsync(new ListApplicationsRequest());
    }

    [Fact]
    public async Task IssueApiKey_ShowsTheSecretOnceAndStoresOnlyItsHash()
    {
        var admin = new AdminService.AdminServiceClient(hub.Admin);
        var request = new IssueApiKeyRequest { RequestId = Guid.NewGuid().ToString(), Parent = "organizations/test-registrar", DisplayName = "erp" };

        var issued = await admin.IssueApiKeyAsync(request);
        var replayed = await admin.IssueApiKeyAsync(request);

        Assert.StartsWith("ik_" + issued.ApiKey.KeyId + "_", issued.Secret, StringComparison.Ordinal);
        Assert.Equal(issued.ApiKey, replayed.ApiKey);
        Assert.Equal("", replayed.Secret);
        var stored = await new DatabaseProbe(hub.ConnectionString).QueryAsync<byte[]>(
            "SELECT secret_hash FROM api_keys WHERE key_id = @id", new { id = issued.ApiKey.KeyId });
        Assert.Equal(32, stored.Single().Length);
        var everything = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>("SELECT row_to_json(k)::text FROM api_keys k");
        Assert.DoesNotContain(everything, row => row.Contains(issued.Secret[^20..], StringComparison.Ordinal));
    }

    [Fact]
    public async Task HealthAndReflection_NeedNoKey()
    {
        var health = await new Health.HealthClient(hub.Channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
