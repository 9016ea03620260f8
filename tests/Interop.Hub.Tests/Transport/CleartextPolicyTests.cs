using Grpc.Health.V1;
using Grpc.Net.Client;
using Interop.Testing;

namespace Interop.Hub.Tests.Transport;

/// <summary>A Production hub serves cleartext HTTP/2 only on loopback, unless the operator says TLS ends in front of it.</summary>
public sealed class CleartextPolicyTests
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    [Fact]
    public async Task Production_CleartextOnEveryInterface_RefusesToStartNamingTheSetting()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("cleartext-refused");

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(
            () => ExternalHubProcess.StartAsync(connectionString, Production, host: "0.0.0.0"));

        Assert.Contains("Refusing cleartext 'http://0.0.0.0:", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Interop__AllowCleartext=true", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_CleartextExplicitlyAllowed_ServesBehindItsProxy()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("cleartext-allowed");

        await using var hub = await ExternalHubProcess.StartAsync(
            connectionString, new Dictionary<string, string>(Production) { ["Interop__AllowCleartext"] = "true" }, host: "0.0.0.0");

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthOfAsync(hub.Address));
    }

    [Fact]
    public async Task Production_CleartextOnLoopback_Serves()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("cleartext-loopback");

        await using var hub = await ExternalHubProcess.StartAsync(connectionString, Production);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, await HealthOfAsync(hub.Address));
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> HealthOfAsync(Uri address)
    {
        using var channel = GrpcChannel.ForAddress(address);
        var response = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(30));
        return response.Status;
    }
}
