using System.Globalization;
using Grpc.Net.Client;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Conformance;

/// <summary>
/// The local hub of a conformance run: a real hub process (as an operator starts it) over its own throwaway
/// database, shared by the tests of one harness class (they run one after another), each test joining its own
/// landlords. <see cref="RestartAsync"/> kills it and starts it again on the same database and port.
/// </summary>
public sealed class ConformanceHub : IAsyncLifetime
{
    private static int desks;

    private ExternalHubProcess process = null!;
    private string connectionString = "";

    /// <summary>The hub's address (h2c).</summary>
    public Uri Address => process.Address;

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        connectionString = await TestPostgres.CreateDatabaseAsync("conformance");
        process = await ExternalHubProcess.StartAsync(connectionString);
    }

    /// <inheritdoc />
    public async Task DisposeAsync() => await process.DisposeAsync();

    /// <summary>A new landlord with stock in Caen (so it reads the Calvados), its own desk and API key.</summary>
    public async Task<ConformanceLandlord> JoinAsync(string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..30];
        var desk = "K" + Interlocked.Increment(ref desks).ToString("D4", CultureInfo.InvariantCulture);
        using var channel = GrpcChannel.ForAddress(Address);
        var key = await HubAccess.IssueKeyAsync(channel, TestOrganizations.Of(id, OrganizationKind.Landlord, stock: ["14118"], desks: [desk]));
        return new ConformanceLandlord(id, key, desk, Address);
    }

    /// <summary>A client of the hub with <paramref name="landlord"/>'s key (dispose it).</summary>
    public InteropClient Connect(ConformanceLandlord landlord) =>
        InteropClient.Create(new InteropClientOptions { Address = Address, ApiKey = landlord.ApiKey });

    /// <summary>How many applications the hub holds whose household names <paramref name="lastName"/> (the kit's names are unique: a double shows as 2).</summary>
    public async Task<long> CountByLastNameAsync(string lastName) =>
        (await new DatabaseProbe(connectionString).QueryAsync<long>(
            "SELECT count(*) FROM applications WHERE household::text LIKE '%' || @lastName || '%'",
            new { lastName }))[0];

    /// <summary>Kills the hub (kill -9), leaves it down for <paramref name="downtime"/>, then starts it again on the same database and port.</summary>
    public async Task RestartAsync(TimeSpan downtime, Func<Task>? whileDown = null)
    {
        var port = Address.Port;
        process.Kill();
        await process.DisposeAsync();
        if (whileDown is not null)
        {
            await whileDown();
        }

        await Task.Delay(downtime);
        process = await ExternalHubProcess.StartAsync(connectionString, port: port);
    }
}
