using System.Net;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>RegistryService through the HTTP/JSON door: plain HTTP/1.1 and JSON, the hub's own rules.</summary>
public sealed class RegistryOverHttpTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private JsonDoor door = null!;
    private RegistryService.RegistryServiceClient grpc = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("httpjson-registry", httpJson: true);
        door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
        grpc = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync()
    {
        door.Dispose();
        await hub.DisposeAsync();
    }

    private async Task<Application> RegisterAsync(Application? application = null) =>
        (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create(application: application))).Application;

    [Fact]
    public async Task CreateThenGet_OverHttp11_ReturnsWhatGrpcReturns()
    {
        var created = await RegisterAsync();

        var read = await door.GetAsync<Application>("/v1/" + created.Name);

        Assert.Matches("^014", created.Number);
        Assert.Equal("applications/" + created.Number, created.Name);
        Assert.Equal(1, created.Revision);
        Assert.Equal(await grpc.GetApplicationAsync(new GetApplicationRequest { Name = created.Name }), read);
    }

    [Fact]
    public async Task Create_OverH2cOnTheMainAddress_Works()
    {
        using var h2c = JsonDoor.Over(hub.Address, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId), h2c: true);

        var created = (await h2c.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create())).Application;

        Assert.Equal(created, await grpc.GetApplicationAsync(new GetApplicationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task ListApplications_WithDepartementFilterAndPageToken_ReturnsEachOfThatDepartementOnce()
    {
        var calvados = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            calvados.Add((await RegisterAsync()).Name);
        }

        var orne = TestApplications.Valid();
        orne.Departement = "61";
        orne.Wishes.CommuneCodes.Clear();
        orne.Wishes.CommuneCodes.Add("61001");
        await RegisterAsync(orne);

        var first = await door.GetAsync<ListApplicationsResponse>("/v1/applications?departement=14&pageSize=2&status=APPLICATION_STATUS_ACTIVE");
        var second = await door.GetAsync<ListApplicationsResponse>(
            "/v1/applications?departement=14&pageSize=2&status=APPLICATION_STATUS_ACTIVE&pageToken=" + Uri.EscapeDataString(first.NextPageToken));

        Assert.Equal(2, first.Applications.Count);
        Assert.NotEmpty(first.NextPageToken);
        Assert.Single(second.Applications);
        Assert.Empty(second.NextPageToken);
        Assert.Equal(calvados.Order(), first.Applications.Concat(second.Applications).Select(a => a.Name).Order());
    }

    [Fact]
    public async Task Update_WithMaskAndExpectedRevisionInTheBody_ChangesOnlyTheNamedField()
    {
        var created = await RegisterAsync();

        var updated = await door.SendAsync<Application>(HttpMethod.Patch, "/v1/" + created.Name, new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { CurrentHousing = HousingSituation.Hotel, FamilySituation = FamilySituation.Married },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });

        Assert.Equal(2, updated.Revision);
        Assert.Equal(HousingSituation.Hotel, updated.CurrentHousing);
        Assert.Equal(created.FamilySituation, updated.FamilySituation);
        Assert.Equal(updated, await grpc.GetApplicationAsync(new GetApplicationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task RenewRadiateReactivate_OverHttp11_FollowTheLifeCycle()
    {
        var created = await RegisterAsync();
        hub.Clock.Advance(TimeSpan.FromDays(340));

        var renewed = await door.PostAsync<Application>($"/v1/{created.Name}:renew", new RenewApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), ExpectedRevision = 1,
        });
        var radiated = await door.PostAsync<Application>($"/v1/{created.Name}:radiate", new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ExpectedRevision = 2,
            Reason = RadiationReason.NoAnswer,
            WarningLetterDate = new Google.Type.Date { Year = 2027, Month = 1, Day = 4 },
        });
        hub.Clock.Advance(TimeSpan.FromDays(30));
        var reactivated = await door.PostAsync<Application>($"/v1/{created.Name}:reactivate", new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), ExpectedRevision = 3,
        });

        Assert.Equal(new Google.Type.Date { Year = 2028, Month = 2, Day = 13 }, renewed.ExpiryDate);
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.NoAnswer, radiated.Radiation.Reason);
        Assert.Equal(ApplicationStatus.Active, reactivated.Status);
        Assert.Equal(4, reactivated.Revision);
        Assert.Equal(created.Number, reactivated.Number);
    }

    [Fact]
    public async Task Import_OverHttp11_KeepsTheGivenNumber()
    {
        using var national = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(
            hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        var application = TestApplications.Valid();
        application.Number = "LEGACY42";
        application.FiledDate = new Google.Type.Date { Year = 2025, Month = 6, Day = 1 };
        application.RegisteringDesk = "NAT01";

        var imported = await national.PostAsync<Application>("/v1/applications:import", new ImportApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Application = application,
        });

        Assert.Equal("applications/LEGACY42", imported.Name);
        Assert.Equal(application.FiledDate, imported.FiledDate);
    }

    [Fact]
    public async Task Create_ReplayedWithTheSameRequestId_ReturnsTheSameNumberAndRegistersOnce()
    {
        var request = TestApplications.Create();

        var first = await door.PostAsync<CreateApplicationResponse>("/v1/applications", request);
        var replay = await door.PostAsync<CreateApplicationResponse>("/v1/applications", request);

        Assert.Equal(first.Application.Number, replay.Application.Number);
        Assert.Equal(1, (await new DatabaseProbe(hub.ConnectionString).CountAsync()).Applications);
    }

    [Fact]
    public async Task Create_Invalid_Is400WithFieldViolationsAsJson()
    {
        var application = TestApplications.Valid();
        application.Applicant.LastName = "";

        var (http, status, body) = await door.FailsAsync(HttpMethod.Post, "/v1/applications", TestApplications.Create(application: application));

        Assert.Equal(HttpStatusCode.BadRequest, http);
        Assert.Equal((int)StatusCode.InvalidArgument, status.Code);
        Assert.Contains("application.applicant.last_name", RpcAssert.ViolatedFields(status));
        Assert.Contains("type.googleapis.com/google.rpc.BadRequest", StatusJson.DetailTypes(body, 3));
        Assert.Equal("interop", status.GetDetail<ErrorInfo>().Domain);
    }

    [Fact]
    public async Task Update_StaleRevision_Is409WithTheCurrentRevision()
    {
        var created = await RegisterAsync();
        UpdateApplicationRequest Update(long revision) => new()
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = revision,
        };
        await door.SendAsync<Application>(HttpMethod.Patch, "/v1/" + created.Name, Update(1));

        var (http, status, body) = await door.FailsAsync(HttpMethod.Patch, "/v1/" + created.Name, Update(1));

        Assert.Equal(HttpStatusCode.Conflict, http);
        Assert.Equal((int)StatusCode.Aborted, status.Code);
        var info = status.GetDetail<ErrorInfo>();
        Assert.Equal("REVISION_MISMATCH", info.Reason);
        Assert.Equal("2", info.Metadata["current_revision"]);
        Assert.Contains("type.googleapis.com/google.rpc.ResourceInfo", StatusJson.DetailTypes(body, 10));
    }

    [Fact]
    public async Task Create_SameHouseholdTwice_Is409DuplicateApplicationNamingTheExistingNumber()
    {
        var name = TestApplications.UniqueName();
        var existing = await RegisterAsync(TestApplications.Valid(name));

        var (http, status, _) = await door.FailsAsync(HttpMethod.Post, "/v1/applications", TestApplications.Create(application: TestApplications.Valid(name)));

        Assert.Equal(HttpStatusCode.Conflict, http);
        Assert.Equal((int)StatusCode.AlreadyExists, status.Code);
        Assert.Equal("DUPLICATE_APPLICATION", status.GetDetail<ErrorInfo>().Reason);
        Assert.Equal(existing.Name, status.GetDetail<ResourceInfo>().ResourceName);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("ik_not-a-key")]
    public async Task AnyCall_WithoutAValidKey_Is401WithAJsonStatus(string? key)
    {
        using var stranger = JsonDoor.Over(hub.HttpJsonAddress!, key);

        using var response = await stranger.SendRawAsync(HttpMethod.Get, "/v1/applications");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(["type.googleapis.com/google.rpc.ErrorInfo"], StatusJson.DetailTypes(body, 16));
        Assert.Equal("UNAUTHENTICATED", JsonDoor.Parse<Google.Rpc.Status>(body).GetDetail<ErrorInfo>().Reason);
    }
}
