using System.Globalization;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests;

/// <summary>One real hub (in-process, real socket, own database) shared by a test class; each test joins its own landlords.</summary>
public sealed class AdapterHub : IAsyncLifetime
{
    private static int desks;

    public HubHost Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubHost.StartAsync("adapters");

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>A new landlord of the Calvados with its own desk and API key.</summary>
    public async Task<Landlord> JoinLandlordAsync(string name)
    {
        var id = $"{name}-{Guid.NewGuid():N}"[..30];
        var desk = "A" + Interlocked.Increment(ref desks).ToString("D4", CultureInfo.InvariantCulture);
        var key = await HubAccess.IssueKeyAsync(Hub.Channel, TestOrganizations.Of(id, OrganizationKind.Landlord, stock: ["14118"], desks: [desk]));
        return new Landlord(id, key, desk);
    }
}
