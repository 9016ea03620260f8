using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Client.Tests;

/// <summary>
/// An in-process hub (real Kestrel socket, own database) with a landlord of the
/// Calvados joined, and the API key of that landlord for clients of the library.
/// </summary>
public sealed class ClientHub : IAsyncLifetime, IAsyncDisposable
{
    public const string Desk = "CL001";

    public HubHost Hub { get; private set; } = null!;

    /// <summary>The landlord's API key.</summary>
    public string Key { get; private set; } = null!;

    private IDictionary<string, string>? settings;

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync("client", settings: settings);
        Key = await HubAccess.IssueKeyAsync(Hub.Channel, Landlord("client-landlord", Desk));
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    async ValueTask IAsyncDisposable.DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>A hub of its own for one test, with these hub settings.</summary>
    public static async Task<ClientHub> StartAsync(IDictionary<string, string>? settings = null)
    {
        var hub = new ClientHub { settings = settings };
        await hub.InitializeAsync();
        return hub;
    }

    public static Organization Landlord(string id, string desk) =>
        TestOrganizations.Of(id, OrganizationKind.Landlord, stock: ["14118"], desks: [desk]);

    public InteropClient Client(Action<InteropClientOptions>? configure = null)
    {
        var options = new InteropClientOptions { Address = Hub.Address, ApiKey = Key };
        configure?.Invoke(options);
        return InteropClient.Create(options);
    }
}
