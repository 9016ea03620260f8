using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>The administrator's command line against a real hub: create an organisation, issue and revoke its key.</summary>
public sealed class AdminCommandTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("cli");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task OrgCreateKeyIssueKeyRevoke_GiveAWorkingKeyThenRefuseIt()
    {
        var url = hub.Address.ToString();
        var created = await CliProcess.RunAsync(
            "org-create", "--hub", url, "--key", HubAccess.BootstrapKey, "--id", "bailleur-caen", "--kind", "landlord",
            "--name", "Bailleur de Caen", "--stock", "14118,14327", "--desks", "CAE01");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("organizations/bailleur-caen", created.Output, StringComparison.Ordinal);

        var issued = await CliProcess.RunAsync("key-issue", "--hub", url, "--key", HubAccess.BootstrapKey, "--org", "bailleur-caen", "--name", "ERP");
        Assert.True(issued.ExitCode == 0, issued.Error);
        var keyName = issued.Output.Split('\n')[0].Trim();
        var secret = issued.Output.Split("secret (shown once): ")[1].Trim();

        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(hub.Channel, secret));
        var application = (await registry.CreateApplicationAsync(TestApplications.Create(desk: ""))).Application;
        Assert.Equal("CAE01", application.RegisteringDesk);

        var revoked = await CliProcess.RunAsync("key-revoke", "--hub", url, "--key", HubAccess.BootstrapKey, "--name", keyName);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        var refused = await Assert.ThrowsAsync<RpcException>(() => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task OrgCreate_BadTerritory_PrintsTheFieldViolationsAndExitsOne()
    {
        var result = await CliProcess.RunAsync(
            "org-create", "--hub", hub.Address.ToString(), "--key", HubAccess.BootstrapKey, "--id", "x", "--kind", "collectivity",
            "--name", "X", "--communes", "99999");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("organization.organization_id", result.Error, StringComparison.Ordinal);
        Assert.Contains("organization.territory.commune_codes[0]", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_AgainstAFreshHub_RegistersApplicationsAndShowsTheRefusals()
    {
        var result = await CliProcess.RunAsync("demo", "--hub", hub.Address.ToString(), "--admin-key", HubAccess.BootstrapKey);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(4, result.Output.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s+0142603DEMO1\d{5}[0-9A-Z]\s")));
        Assert.Contains("REVISION_MISMATCH", result.Output, StringComparison.Ordinal);
        Assert.Contains("ILLEGAL_TRANSITION", result.Output, StringComparison.Ordinal);
        Assert.Contains("DUPLICATE_APPLICATION", result.Output, StringComparison.Ordinal);
    }
}
