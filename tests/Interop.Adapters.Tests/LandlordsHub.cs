using System.Globalization;
using Grpc.Net.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Tests;

/// <summary>One real hub (in-process, real socket, own database) shared by a test class; each test joins its own landlords.</summary>
public sealed class LandlordsHub : IAsyncLifetime
{
    private static int desks;

    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubHost.StartAsync("adapters-e2e");

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    public Task<Landlord> JoinAsync(string name) => JoinAsync(Hub.Channel, name);

    /// <summary>A new landlord with stock in Caen (so it reads the Calvados), its own desk and API key.</summary>
    public static async Task<Landlord> JoinAsync(GrpcChannel channel, string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..30];
        var desk = "C" + Interlocked.Increment(ref desks).ToString("D4", CultureInfo.InvariantCulture);
        var key = await HubAccess.IssueKeyAsync(channel, TestOrganizations.Of(id, OrganizationKind.Landlord, stock: ["14118"], desks: [desk]));
        return new Landlord(id, key, desk);
    }
}
