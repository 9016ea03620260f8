using Grpc.Health.V1;
using Grpc.Reflection.V1Alpha;
using Interop.Testing;

namespace Interop.Hub.Tests.Hosting;

/// <summary>
/// A caller that goes away in the middle of a stream (a tool that closes its connection without ending
/// its request stream, an adapter killed mid-load) is the caller's doing: the hub logs it at Debug and
/// stays quiet at Error, where operators' alerts look.
/// </summary>
public sealed class CallerLeavingTests : IAsyncLifetime
{
    private const int Calls = 20;
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync(
        "callerleaving", settings: new Dictionary<string, string> { ["Serilog:MinimumLevel:Override:Interop.Hub.Errors"] = "Debug" });

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CallersLeavingDuplexCallsMidStream_AreLoggedAsGone_NotAsErrors()
    {
        var reflection = new ServerReflection.ServerReflectionClient(hub.Channel);
        for (var i = 0; i < Calls; i++)
        {
            using var call = reflection.ServerReflectionInfo();
            await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
            Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        }

        // Each abandoned call ends on the hub when its next read finds the caller gone.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (hub.Logs.Events.Count(e => e.Template == "{Method} ended: the caller has gone") < Calls)
        {
            Assert.True(DateTime.UtcNow < deadline, "Timed out waiting for the hub to end the abandoned calls.");
            await Task.Delay(50);
        }

        Assert.Empty(hub.Logs.Errors);
        var health = new Health.HealthClient(hub.Channel);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await health.CheckAsync(new HealthCheckRequest())).Status);
    }
}
