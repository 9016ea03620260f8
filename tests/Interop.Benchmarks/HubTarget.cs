using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Benchmarks;

/// <summary>
/// One hub process, started as an operator starts it, on a fresh database;
/// registrations go through <c>RegistryService/CreateApplication</c> over
/// cleartext HTTP/2 on 127.0.0.1, with the API key of an organisation that
/// runs every benchmark desk.
/// </summary>
internal sealed class HubTarget : IRegistrationTarget
{
    // Generous: a call only takes this long if something is wrong, and then it
    // must fail and be counted rather than hang the run.
    public static readonly TimeSpan CallDeadline = TimeSpan.FromSeconds(30);

    // The benchmark measures what the hub can do, not an organisation's quota
    // (100 calls/s by default): all clients are one organisation here.
    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Interop__RateLimitPerSecond"] = "1000000",
        ["Interop__RateLimitBurst"] = "1000000",
    };

    private readonly ExternalHubProcess hub;
    private readonly string apiKey;
    private readonly List<GrpcChannel> channels = [];

    private HubTarget(BenchmarkDatabase database, ExternalHubProcess hub, string apiKey)
    {
        Database = database;
        this.hub = hub;
        this.apiKey = apiKey;
    }

    public string Name => "gRPC hub";

    public BenchmarkDatabase Database { get; }

    public string Diagnostics => hub.Output;

    // The gRPC client's code in this process warms up alongside the hub's.
    public IReadOnlyList<int> CompilingProcesses =>
        ProcessLookup.FindChild("Interop.Hub.dll") is { } hubProcess ? [hubProcess, Environment.ProcessId] : [Environment.ProcessId];

    public static async Task<HubTarget> StartAsync(string purpose)
    {
        var database = await BenchmarkDatabase.CreateAsync(purpose);
        ExternalHubProcess? hub = null;
        try
        {
            // The hub migrates its database as it starts.
            hub = await ExternalHubProcess.StartAsync(database.ConnectionString, Settings);
            using var setup = GrpcChannel.ForAddress(hub.Address);
            var organization = TestOrganizations.Of(
                "benchmark-registrar", OrganizationKind.Landlord, stock: ["14118"], desks: [.. BenchmarkDesks.All]);
            return new HubTarget(database, hub, await HubAccess.IssueKeyAsync(setup, organization));
        }
        catch
        {
            if (hub is not null)
            {
                await hub.DisposeAsync();
            }

            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A client on a channel of its own (one HTTP/2 connection), as separate
    /// callers would have, rather than every client multiplexed on one connection.
    /// </summary>
    public RegistryService.RegistryServiceClient NewClient()
    {
        var channel = GrpcChannel.ForAddress(hub.Address);
        channels.Add(channel);
        return new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(channel, apiKey));
    }

    public Registration ClientFor(string desk)
    {
        var client = NewClient();
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
