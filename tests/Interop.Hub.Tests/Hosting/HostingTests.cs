using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Interop.Testing;

namespace Interop.Hub.Tests.Hosting;

/// <summary>What operators and grpcurl-style tools rely on: health and reflection over h2c.</summary>
public sealed class HostingTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("hosting");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Health_WithDatabaseReachable_IsServing()
    {
        var health = new Health.HealthClient(hub.Channel);

        var response = await health.CheckAsync(new HealthCheckRequest());

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, response.Status);
    }

    [Fact]
    public async Task Reflection_ListsTheRegistryService()
    {
        var reflection = new ServerReflection.ServerReflectionClient(hub.Channel);
        using var call = reflection.ServerReflectionInfo();

        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));

        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Contains("interop.v1.RegistryService", services);
        Assert.Contains("grpc.health.v1.Health", services);
    }
}
