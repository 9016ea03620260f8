using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>Beyond its rate limit an organisation gets RESOURCE_EXHAUSTED; other organisations are not slowed.</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("ratelimit", settings: new Dictionary<string, string>
    {
        ["Interop:RateLimitPerSecond"] = "1",
        ["Interop:RateLimitBurst"] = "10",
    });

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Calls_BeyondTheBurst_AreResourceExhaustedForThatOrganisationOnly()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var refused = 0;
        for (var i = 0; i < 30; i++)
        {
            try
            {
                await registry.ListApplicationsAsync(new ListApplicationsRequest());
            }
            catch (RpcException exception) when (exception.StatusCode == StatusCode.ResourceExhausted)
            {
                refused++;
                var status = exception.GetRpcStatus()!;
                Assert.Equal("RATE_LIMITED", status.GetDetail<Google.Rpc.ErrorInfo>().Reason);
                Assert.Equal("organizations/test-registrar", status.GetDetail<Google.Rpc.QuotaFailure>().Violations.Single().Subject);
            }
        }

        Assert.InRange(refused, 15, 21);
        var other = new RegistryService.RegistryServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("other", OrganizationKind.StateService, departements: ["14"])));
        await other.ListApplicationsAsync(new ListApplicationsRequest());
    }
}
