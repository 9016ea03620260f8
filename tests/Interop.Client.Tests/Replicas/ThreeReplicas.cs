using Interop.Testing;

namespace Interop.Client.Tests.Replicas;

/// <summary>
/// Three hub processes on one database behind nginx (<see cref="GrpcProxy"/>), as a
/// deployment runs them; each test of the collection starts its own on its own database.
/// </summary>
internal sealed class ThreeReplicas : IAsyncDisposable
{
    private ThreeReplicas(string connectionString, ExternalHubProcess[] hubs, GrpcProxy proxy)
    {
        ConnectionString = connectionString;
        Hubs = hubs;
        Proxy = proxy;
    }

    public string ConnectionString { get; }

    public IReadOnlyList<ExternalHubProcess> Hubs { get; }

    public GrpcProxy Proxy { get; }

    /// <summary>Every replica's output, for a failing assertion's message.</summary>
    public string Outputs => string.Join("\n", Hubs.Select((hub, i) => $"--- replica {i} ---\n{hub.Output}")) + $"\n--- nginx ---\n{Proxy.ErrorLog}";

    public static async Task<ThreeReplicas> StartAsync(string purpose, IDictionary<string, string> settings)
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync(purpose);

        // The first alone (it applies the migrations), then the other two together.
        var hubs = new List<ExternalHubProcess>();
        try
        {
            hubs.Add(await ExternalHubProcess.StartAsync(connectionString, settings));
            var others = Enumerable.Range(0, 2).Select(_ => ExternalHubProcess.StartAsync(connectionString, settings)).ToList();
            try
            {
                await Task.WhenAll(others);
            }
            finally
            {
                hubs.AddRange(others.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            var proxy = await GrpcProxy.StartAsync(hubs.Select(h => h.Address));
            return new ThreeReplicas(connectionString, [.. hubs], proxy);
        }
        catch
        {
            foreach (var hub in hubs)
            {
                await hub.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>Waits until every live replica has logged the line <paramref name="match"/> finds.</summary>
    public async Task WaitUntilEveryLiveReplicaLogsAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!Hubs.Where(h => !h.HasExited).All(h => h.Output.Split('\n').Any(match)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Not every replica logged the expected line within {timeout.TotalSeconds} s.\n{Outputs}");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        foreach (var hub in Hubs)
        {
            await hub.DisposeAsync();
        }
    }
}
