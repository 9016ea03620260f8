using System.Net;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>ObservatoryService and GetApplication's as_of through the HTTP/JSON door, as the README shows them.</summary>
public sealed class ObservatoryOverHttpTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private JsonDoor door = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("httpjson-observatory", httpJson: true);
        door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
    }

    public async Task DisposeAsync()
    {
        door.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task HistoryPastStateAndStock_OverHttp11()
    {
        var registered = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create())).Application;
        hub.Clock.Advance(TimeSpan.FromDays(2));
        var richer = registered.Clone();
        richer.Resources.MonthlyIncomeEur = 1700;
        await door.SendAsync<Application>(HttpMethod.Patch, "/v1/" + registered.Name, new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Application = richer, UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("resources"), ExpectedRevision = 1,
        });

        var changes = await door.GetAsync<ListApplicationChangesResponse>($"/v1/{registered.Name}/changes?pageSize=10");
        var past = await door.GetAsync<Application>($"/v1/{registered.Name}?asOf={Uri.EscapeDataString(hub.Clock.GetUtcNow().AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture))}");
        var today = Interop.Hub.Core.Time.FrenchCalendar.Today(hub.Clock);
        var stock = await door.GetAsync<ApplicationStock>(
            $"/v1/applicationStock?date.year={today.Year}&date.month={today.Month}&date.day={today.Day}&level=TERRITORY_LEVEL_DEPARTEMENT");
        var (http, status, _) = await door.FailsAsync(HttpMethod.Get, "/v1/applicationStock?level=TERRITORY_LEVEL_DEPARTEMENT");

        Assert.Equal("resources.monthly_income_eur", Assert.Single(changes.Changes[1].FieldChanges).Field);
        Assert.Equal((1L, 1450L), (past.Revision, past.Resources.MonthlyIncomeEur));
        var row = Assert.Single(stock.Rows);
        Assert.Equal(("14", true), (row.TerritoryCode, row.Total.Suppressed));
        Assert.Equal((HttpStatusCode.BadRequest, (int)Grpc.Core.StatusCode.InvalidArgument), (http, status.Code));
    }
}
