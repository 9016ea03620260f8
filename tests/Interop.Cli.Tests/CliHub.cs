using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>
/// A hub for one test class (a real Kestrel socket over its own database) and the keys the
/// command line uses against it: the default registrar landlord's, and the administrator's.
/// </summary>
public sealed class CliHub : IAsyncLifetime
{
    public HubHost Hub { get; private set; } = null!;

    public string Url => Hub.Address.ToString();

    /// <summary>A key of <see cref="TestOrganizations.Registrar"/> (desks B0001–B0003, stock in 14 and 61).</summary>
    public string RegistrarKey { get; private set; } = null!;

    public RegistryService.RegistryServiceClient Registry => new(Hub.Calls);

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync("cli");
        RegistrarKey = await HubAccess.IssueKeyAsync(Hub.Channel, TestOrganizations.Registrar().OrganizationId);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    /// <summary>The connection options for the registrar, followed by <paramref name="arguments"/>.</summary>
    public string[] AsRegistrar(params string[] arguments) => [.. arguments, "--hub", Url, "--key", RegistrarKey];

    public string[] AsAdministrator(params string[] arguments) => [.. arguments, "--hub", Url, "--key", HubAccess.BootstrapKey];

    /// <summary>Registers an application through the stubs (not the tool) and returns it.</summary>
    public async Task<Application> RegisterAsync(Application? application = null) =>
        (await Registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
}
