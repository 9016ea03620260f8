using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Access;

/// <summary>
/// Every role against every call, allowed and denied, following the law's
/// access rules (domain §8, §13.3). One hub, one table: each row is checked
/// and every mismatch reported at once.
/// </summary>
public sealed class AccessMatrixTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private readonly Dictionary<string, CallInvoker> roles = [];

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("access");
        roles["landlord-14"] = await Join("landlord-14", OrganizationKind.Landlord, stock: ["14118"], desks: ["L1401"]);
        roles["landlord-61"] = await Join("landlord-61", OrganizationKind.Landlord, stock: ["61001"], desks: ["L6101"]);
        roles["caen"] = await Join("caen", OrganizationKind.Collectivity, communes: ["14118"], desks: ["C1401"]);
        roles["alencon"] = await Join("alencon", OrganizationKind.Collectivity, communes: ["61001"]);
        roles["action-logement-14"] = await Join("action-logement-14", OrganizationKind.ReservationHolder, departements: ["14"], desks: ["R1401"]);
        roles["prefecture-14"] = await Join("prefecture-14", OrganizationKind.StateService, departements: ["14"]);
        roles["national"] = await Join("national", OrganizationKind.NationalExchange);
        roles["observatory"] = await Join("observatory", OrganizationKind.StatisticsReader);
        roles["administrator"] = hub.Admin;
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    public static readonly (string Call, string[] Allowed)[] Table =
    [
        ("GetApplication", ["landlord-14", "caen", "action-logement-14", "prefecture-14", "national", "administrator"]),
        ("ListApplications", ["landlord-14", "caen", "action-logement-14", "prefecture-14", "national", "administrator"]),
        ("UpdateApplication", ["landlord-14", "caen", "action-logement-14"]),
        ("RadiateApplication", ["landlord-14", "caen", "action-logement-14"]),
        ("CreateApplication", ["landlord-14", "landlord-61", "caen", "action-logement-14"]),
        ("ImportApplication", ["national", "administrator"]),
        ("CreateOrganization", ["administrator"]),
        ("ListOrganizations", ["administrator"]),
        ("ListAuditRecords", ["landlord-14", "administrator"]),
    ];

    [Fact]
    public async Task EveryRole_EveryCall_IsAllowedOrDeniedAsTheLawSays()
    {
        var mismatches = new List<string>();
        foreach (var (call, allowed) in Table)
        {
            foreach (var (role, invoker) in roles)
            {
                var expected = allowed.Contains(role);
                var (actual, detail) = await TryAsync(call, invoker);
                if (actual != expected)
                {
                    mismatches.Add($"{role} {call}: expected {(expected ? "allowed" : "denied")}, got {detail}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }

    [Fact]
    public async Task GetApplication_OutsideScope_AnswersTheSameWhetherItExistsOrNot()
    {
        var existing = await RegisterAsync();
        var registry = new RegistryService.RegistryServiceClient(roles["landlord-61"]);

        var forExisting = await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => registry.GetApplicationAsync(new GetApplicationRequest { Name = existing.Name }).ResponseAsync);
        var forMissing = await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/0142603Z999999999X" }).ResponseAsync);

        Assert.Equal(forExisting.Message.Replace(existing.Number, "N", StringComparison.Ordinal), forMissing.Message.Replace("0142603Z999999999X", "N", StringComparison.Ordinal));
        Assert.Equal(forExisting.Details.Count, forMissing.Details.Count);
    }

    [Fact]
    public async Task UpdateApplication_OutsideScopeWithStaleRevision_DoesNotRevealTheRevision()
    {
        var existing = await RegisterAsync();
        var registry = new RegistryService.RegistryServiceClient(roles["landlord-61"]);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = existing.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 99,
        }).ResponseAsync);
    }

    [Fact]
    public async Task CreateApplication_AtAnotherOrganisationsDesk_IsDenied()
    {
        var registry = new RegistryService.RegistryServiceClient(roles["landlord-61"]);

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => registry.CreateApplicationAsync(TestApplications.Create("L1401")).ResponseAsync, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task CreateApplication_WithoutDesk_UsesTheCallersOnlyDesk()
    {
        var registry = new RegistryService.RegistryServiceClient(roles["caen"]);

        var created = (await registry.CreateApplicationAsync(TestApplications.Create(desk: ""))).Application;

        Assert.Equal("C1401", created.RegisteringDesk);
    }

    [Fact]
    public async Task ListApplications_ReturnsOnlyWhatTheCallerMaySee()
    {
        var inCaen = await RegisterAsync();
        var orne = TestApplications.Valid();
        orne.Departement = "61";
        orne.Wishes.CommuneCodes.Clear();
        orne.Wishes.CommuneCodes.Add("61001");
        var inAlencon = (await new RegistryService.RegistryServiceClient(roles["landlord-61"]).CreateApplicationAsync(TestApplications.Create("L6101", orne))).Application;

        Assert.Equal([inCaen.Number], await NumbersSeenBy("caen"));
        Assert.Equal([inAlencon.Number], await NumbersSeenBy("alencon"));
        Assert.Equal([inAlencon.Number], await NumbersSeenBy("landlord-61"));
        Assert.Equal(new[] { inCaen.Number, inAlencon.Number }.Order(StringComparer.Ordinal), await NumbersSeenBy("national"));
    }

    private async Task<List<string>> NumbersSeenBy(string role) =>
        (await new RegistryService.RegistryServiceClient(roles[role]).ListApplicationsAsync(new ListApplicationsRequest()))
            .Applications.Select(a => a.Number).ToList();

    private Task<CallInvoker> Join(
        string id, OrganizationKind kind, string[]? departements = null, string[]? communes = null, string[]? stock = null, string[]? desks = null) =>
        HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of(id, kind, departements, communes, stock, desks));

    /// <summary>An application of the Calvados wishing Caen, registered by landlord-14.</summary>
    private async Task<Application> RegisterAsync() =>
        (await new RegistryService.RegistryServiceClient(roles["landlord-14"]).CreateApplicationAsync(TestApplications.Create("L1401"))).Application;

    /// <summary>Makes the call as the role; true when allowed (the call got past access control).</summary>
    private async Task<(bool Allowed, string Detail)> TryAsync(string call, CallInvoker invoker)
    {
        var registry = new RegistryService.RegistryServiceClient(invoker);
        var admin = new AdminService.AdminServiceClient(invoker);
        var audit = new AuditService.AuditServiceClient(invoker);
        var application = await RegisterAsync();
        try
        {
            switch (call)
            {
                case "GetApplication":
                    await registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
                    break;
                case "ListApplications":
                    var page = await registry.ListApplicationsAsync(new ListApplicationsRequest { Departement = "14", PageSize = 500 });
                    return (page.Applications.Any(a => a.Number == application.Number), $"a page of {page.Applications.Count}");
                case "UpdateApplication":
                    await registry.UpdateApplicationAsync(new UpdateApplicationRequest
                    {
                        RequestId = Guid.NewGuid().ToString(),
                        Application = new Application { Name = application.Name, CurrentHousing = HousingSituation.Hotel },
                        UpdateMask = new FieldMask { Paths = { "current_housing" } },
                        ExpectedRevision = application.Revision,
                    });
                    break;
                case "RadiateApplication":
                    await registry.RadiateApplicationAsync(new RadiateApplicationRequest
                    {
                        RequestId = Guid.NewGuid().ToString(), Name = application.Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
                    });
                    break;
                case "CreateApplication":
                    var desks = await DesksOf(invoker);
                    await registry.CreateApplicationAsync(TestApplications.Create(desks.FirstOrDefault() ?? ""));
                    break;
                case "ImportApplication":
                    var imported = TestApplications.Valid();
                    imported.Number = "IMP" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();
                    imported.RegisteringDesk = "SNE01";
                    imported.FiledDate = new Google.Type.Date { Year = 2025, Month = 1, Day = 10 };
                    await registry.ImportApplicationAsync(new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = imported });
                    break;
                case "CreateOrganization":
                    await admin.CreateOrganizationAsync(new CreateOrganizationRequest
                    {
                        RequestId = Guid.NewGuid().ToString(),
                        Organization = TestOrganizations.Of("new-" + Guid.NewGuid().ToString("N")[..8], OrganizationKind.StatisticsReader),
                    });
                    break;
                case "ListOrganizations":
                    await admin.ListOrganizationsAsync(new ListOrganizationsRequest());
                    break;
                case "ListAuditRecords":
                    await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { Application = application.Name });
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(call), call, null);
            }

            return (true, "OK");
        }
        catch (RpcException exception) when (exception.StatusCode == StatusCode.PermissionDenied)
        {
            return (false, "PERMISSION_DENIED");
        }
        catch (RpcException exception)
        {
            return (true, $"{exception.StatusCode}: {exception.Status.Detail}");
        }
    }

    private async Task<IReadOnlyList<string>> DesksOf(CallInvoker invoker)
    {
        foreach (var (role, candidate) in roles)
        {
            if (ReferenceEquals(candidate, invoker))
            {
                if (role == "administrator")
                {
                    return [];
                }

                var organization = await new AdminService.AdminServiceClient(hub.Admin).GetOrganizationAsync(new GetOrganizationRequest { Name = "organizations/" + role });
                return organization.RegisteringDesks;
            }
        }

        return [];
    }
}
