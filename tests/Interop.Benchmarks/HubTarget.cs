using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Benchmarks;

/// <summary>
/// One hub process, started as an operator starts it, on a fresh database;
/// registrations go through <c>RegistryService/CreateApplication</c> over
/// cleartext HTTP/2 on 127.0.0.1.
/// </summary>
internal sealed class HubTarget : IRegistrationTarget
{
    // Generous: a call only takes this long if something is wrong, and then it
    // must fail and be counted rather than hang the run.
    private static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    private readonly ExternalHubProcess hub;
    private readonly List<GrpcChannel> channels = [];

    private HubTarget(BenchmarkDatabase database, ExternalHubProcess hub)
    {
        Database = database;
        this.hub = hub;
    }

    public string Name => "gRPC hub";

    public BenchmarkDatabase Database { get; }

    public string Diagnostics => hub.Output;

    public static async Task<HubTarget> StartAsync(string purpose)
    {
        var database = await BenchmarkDatabase.CreateAsync(purpose);
        try
        {
            // The hub migrates its database as it starts.
            return new HubTarget(database, await ExternalHubProcess.StartAsync(database.ConnectionString));
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public Registration ClientFor(string desk)
    {
        // A channel (one HTTP/2 connection) per client, as separate callers would
        // have, rather than every client multiplexed on one connection.
        var channel = GrpcChannel.ForAddress(hub.Address);
        channels.Add(channel);
        var client = new RegistryService.RegistryServiceClient(channel);
        return async cancellationToken =>
        {
            // A new request id per call: each is a new registration, never a replay.
            var response = await client.CreateApplicationAsync(
                TestApplications.Create(desk), deadline: DateTime.UtcNow + CallDeadline, cancellationToken: cancellationToken);
            if (response.Application is not { Number.Length: > 0 })
            {
                throw new InvalidDataException("CreateApplication answered OK without a number.");
            }
        };
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var channel in channels)
        {
            channel.Dispose();
        }

        await hub.DisposeAsync();
        await Database.DisposeAsync();
    }
}
