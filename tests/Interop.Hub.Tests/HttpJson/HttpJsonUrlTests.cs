using System.Net;
using System.Net.Sockets;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary><c>Interop:HttpJsonUrl</c> on a hub started as an operator starts it, with <c>--urls</c>.</summary>
public sealed class HttpJsonUrlTests
{
    [Fact]
    public async Task HttpJsonUrl_OpensAnHttp11PortBesideTheH2cAddressOfUrls()
    {
        var jsonPort = FreePort();
        await using var hub = await ExternalHubProcess.StartAsync(
            await TestPostgres.CreateDatabaseAsync("httpjson-url"),
            new Dictionary<string, string> { ["Interop__HttpJsonUrl"] = $"http://127.0.0.1:{jsonPort}" });
        using var channel = GrpcChannel.ForAddress(hub.Address);
        using var http11 = JsonDoor.Over(new Uri($"http://127.0.0.1:{jsonPort}"), HubAccess.BootstrapKey);
        using var h2c = JsonDoor.Over(hub.Address, HubAccess.BootstrapKey, h2c: true);

        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        var overHttp11 = await http11.GetAsync<ListApplicationsResponse>("/v1/applications");
        var overH2c = await h2c.GetAsync<ListApplicationsResponse>("/v1/applications");
        using var http11OnTheH2cDoor = JsonDoor.Over(hub.Address, HubAccess.BootstrapKey);
        using var http11OnTheH2cAddress = await http11OnTheH2cDoor.SendRawAsync(HttpMethod.Get, "/v1/applications");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.Empty(overHttp11.Applications);
        Assert.Empty(overH2c.Applications);
        Assert.Equal(HttpStatusCode.BadRequest, http11OnTheH2cAddress.StatusCode);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
