using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Transport;

/// <summary>The cleartext probe port answers grpc.health.v1 as Kubernetes' gRPC probes ask it, and serves nothing else, keys included.</summary>
public sealed class ProbePortTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("probe-port", metrics: true);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Health_OnTheProbePort_IsServing()
    {
        using var channel = GrpcChannel.ForAddress(hub.ProbeAddress!);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Liveness_OnTheProbePort_IsServingWithoutAskingTheDatabase()
    {
        using var channel = GrpcChannel.ForAddress(hub.ProbeAddress!);

        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest { Service = "liveness" });

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Api_OnTheProbePort_IsNotServedEvenWithAValidKey()
    {
        using var channel = GrpcChannel.ForAddress(hub.ProbeAddress!);
        var key = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("probe-caller", OrganizationKind.StateService, departements: ["14"]));
        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, key));

        var refused = await Assert.ThrowsAsync<RpcException>(() => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);

        Assert.Equal(StatusCode.Unimplemented, refused.StatusCode);
    }
}
