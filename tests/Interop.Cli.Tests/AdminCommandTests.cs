using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Cli.Tests;

/// <summary>The administrator's command line against a real hub: create an organisation, issue and revoke its key; the demo.</summary>
[Collection(CliCollection.Name)]
public sealed class AdminCommandTests(InstalledCli cli) : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("cli");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task OrgCreateKeyIssueKeyRevoke_GiveAWorkingKeyThenRefuseIt()
    {
        var url = hub.Address.ToString();
        var created = await cli.RunAsync(
            "org-create", "--hub", url, "--key", HubAccess.BootstrapKey, "--id", "bailleur-caen", "--kind", "landlord",
            "--name", "Bailleur de Caen", "--stock", "14118,14327", "--desks", "CAE01");
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Contains("organizations/bailleur-caen", created.Output, StringComparison.Ordinal);

        var issued = await cli.RunAsync("key-issue", "--hub", url, "--key", HubAccess.BootstrapKey, "--org", "bailleur-caen", "--name", "ERP");
        Assert.True(issued.ExitCode == 0, issued.Error);
        var keyName = issued.Output.Split('\n')[0].Trim();
        var secret = issued.Output.Split("secret (shown once): ")[1].Trim();

        var registry = new RegistryService.RegistryServiceClient(ApiKeyCredentials.Over(hub.Channel, secret));
        var application = (await registry.CreateApplicationAsync(TestApplications.Create(desk: ""))).Application;
        Assert.Equal("CAE01", application.RegisteringDesk);

        var revoked = await cli.RunAsync("key-revoke", "--hub", url, "--key", HubAccess.BootstrapKey, "--name", keyName);
        Assert.True(revoked.ExitCode == 0, revoked.Error);
        var refused = await Assert.ThrowsAsync<RpcException>(() => registry.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
    }

    [Fact]
    public async Task OrgCreate_BadTerritory_PrintsTheFieldViolationsAndExitsOne()
    {
        var result = await cli.RunAsync(
            "org-create", "--hub", hub.Address.ToString(), "--key", HubAccess.BootstrapKey, "--id", "x", "--kind", "collectivity",
            "--name", "X", "--communes", "99999");

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("interop: INVALID_ARGUMENT (INVALID_ARGUMENT): ", line, StringComparison.Ordinal);
        Assert.Contains("organization.organization_id", line, StringComparison.Ordinal);
        Assert.Contains("organization.territory.commune_codes[0]", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OrgList_ShowsTheOrganisationsAndJsonLinesForScripts()
    {
        var url = hub.Address.ToString();

        var table = await cli.RunAsync("org-list", "--hub", url, "--key", HubAccess.BootstrapKey);
        var json = await cli.RunAsync("org-list", "--hub", url, "--key", HubAccess.BootstrapKey, "--json");

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains(table.Output.Split('\n'), line => line.StartsWith("organizations/test-registrar ", StringComparison.Ordinal) && line.Contains(" landlord ", StringComparison.Ordinal));
        Assert.True(json.ExitCode == 0, json.Error);
        var organizations = json.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Organization.Parser.ParseJson).ToList();
        Assert.Contains(organizations, o => o.OrganizationId == "test-registrar" && o.Kind == OrganizationKind.Landlord);
    }

    [Fact]
    public async Task OrgList_WithAKeyThatIsNotTheAdministrators_ExitsFourForPermissionDenied()
    {
        var landlordKey = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId);

        var result = await cli.RunAsync("org-list", "--hub", hub.Address.ToString(), "--key", landlordKey);

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("interop: PERMISSION_DENIED", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(landlordKey, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyIssue_UnknownOrganisation_ExitsOneWithTheReason()
    {
        var result = await cli.RunAsync("key-issue", "--hub", hub.Address.ToString(), "--key", HubAccess.BootstrapKey, "--org", "nobody", "--name", "ERP");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches("^interop: (NOT_FOUND|INVALID_ARGUMENT|FAILED_PRECONDITION) ", result.Error);
        Assert.DoesNotContain("secret", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_WithAWrongAdministratorKey_ExitsFourWithoutPrintingTheKey()
    {
        var result = await cli.RunAsync("demo", "--hub", hub.Address.ToString(), "--admin-key", "not-the-bootstrap-key-at-all");

        Assert.Equal(4, result.ExitCode);
        Assert.StartsWith("interop: UNAUTHENTICATED", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-bootstrap-key-at-all", result.Error + result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyRevoke_UnknownKey_ExitsOneWithTheReason()
    {
        var result = await cli.RunAsync("key-revoke", "--hub", hub.Address.ToString(), "--key", HubAccess.BootstrapKey, "--name", "organizations/test-registrar/apiKeys/nope");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("interop: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_AgainstAFreshHub_RegistersApplicationsAndShowsTheRefusals()
    {
        var result = await cli.RunAsync("demo", "--hub", hub.Address.ToString(), "--admin-key", HubAccess.BootstrapKey);

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(4, result.Output.Split('\n').Count(line => System.Text.RegularExpressions.Regex.IsMatch(line, @"^\s+0142603DEMO1\d{5}[0-9A-Z]\s")));
        Assert.Contains("REVISION_MISMATCH", result.Output, StringComparison.Ordinal);
        Assert.Contains("ILLEGAL_TRANSITION", result.Output, StringComparison.Ordinal);
        Assert.Contains("DUPLICATE_APPLICATION", result.Output, StringComparison.Ordinal);
    }
}
