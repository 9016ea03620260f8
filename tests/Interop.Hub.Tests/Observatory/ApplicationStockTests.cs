using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Observatory;

/// <summary>The stock at a past date, by territory and needed typology, over the hand-computed history.</summary>
[Collection(ObservatoryCollection.Name)]
public sealed class ApplicationStockTests(ObservatoryHistory history)
{
    private ObservatoryService.ObservatoryServiceClient AsAdministrator => new(history.Hub.Admin);

    [Fact]
    public async Task AtEndOf2025_CountsTheActiveApplications_AndSuppressesTheSmallCellAndTheOneThatWouldGiveItBack()
    {
        // Active on 31 December 2025: 11 single parents (one renounced in June), 3 singles, 6 households of four.
        // The 3 singles are suppressed; the row's total would give them back, so its next smallest cell (the 6) goes too.
        var stock = await AsAdministrator.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Departement));

        var row = Assert.Single(stock.Rows);
        Assert.Equal("14", row.TerritoryCode);
        Assert.Equal(5, stock.SuppressionThreshold);
        Assert.Equal("20 T1_OR_T2:* T2:0 T3:11 T4:* T5:0 T6_PLUS:0", Render(row));
    }

    [Fact]
    public async Task BeforeTheRenunciation_TheStockHadOneMore()
    {
        var endOfMay = await AsAdministrator.GetApplicationStockAsync(Request(2025, 5, 31, TerritoryLevel.Departement));
        var beforeAnything = await AsAdministrator.GetApplicationStockAsync(Request(2025, 1, 9, TerritoryLevel.Departement));

        Assert.Equal("21 T1_OR_T2:* T2:0 T3:12 T4:* T5:0 T6_PLUS:0", Render(Assert.Single(endOfMay.Rows)));
        Assert.Empty(beforeAnything.Rows);
    }

    [Fact]
    public async Task TheWholeFile_AndEachCommune_ShowTheSameSuppression()
    {
        var file = await AsAdministrator.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.File));
        var communes = await AsAdministrator.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Commune));

        Assert.Equal(["|20 T1_OR_T2:* T2:0 T3:11 T4:* T5:0 T6_PLUS:0"], file.Rows.Select(r => r.TerritoryCode + "|" + Render(r)));
        Assert.Equal(
            ["14118|20 T1_OR_T2:* T2:0 T3:11 T4:* T5:0 T6_PLUS:0", "14327|20 T1_OR_T2:* T2:0 T3:11 T4:* T5:0 T6_PLUS:0"],
            communes.Rows.Select(r => r.TerritoryCode + "|" + Render(r)));
    }

    [Fact]
    public async Task EachCallerSeesItsTerritoryOnly()
    {
        var state = await Join("state-14", OrganizationKind.StateService, departements: ["14"]);
        var otherDepartement = await Join("stats-61", OrganizationKind.StatisticsReader, departements: ["61"]);
        var commune = await Join("caen", OrganizationKind.Collectivity, communes: ["14118"]);
        var nothing = await Join("stats-nothing", OrganizationKind.StatisticsReader);

        Assert.Equal(["14"], (await state.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Departement))).Rows.Select(r => r.TerritoryCode));
        Assert.Empty((await otherDepartement.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Departement))).Rows);
        Assert.Equal(["14118"], (await commune.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Commune))).Rows.Select(r => r.TerritoryCode));
        Assert.Empty((await commune.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Departement))).Rows);

        var narrowed = Request(2025, 12, 31, TerritoryLevel.Departement);
        narrowed.Departements.Add("14");
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await otherDepartement.GetApplicationStockAsync(narrowed));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await state.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.File)));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await nothing.GetApplicationStockAsync(Request(2025, 12, 31, TerritoryLevel.Departement)));
    }

    [Fact]
    public async Task BadRequests_AreInvalidArguments_NamingTheField()
    {
        async Task<IReadOnlyList<string>> Violated(GetApplicationStockRequest request) =>
            RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await AsAdministrator.GetApplicationStockAsync(request)));

        Assert.Equal(["date"], await Violated(Request(2026, 12, 31, TerritoryLevel.Departement)));
        Assert.Equal(["date"], await Violated(new GetApplicationStockRequest { Level = TerritoryLevel.Departement }));
        Assert.Equal(["date"], await Violated(new GetApplicationStockRequest { Date = new Google.Type.Date { Year = 2025, Month = 2, Day = 30 }, Level = TerritoryLevel.Departement }));
        Assert.Equal(["level"], await Violated(Request(2025, 12, 31, TerritoryLevel.Unspecified)));
        Assert.Equal(["level"], await Violated(Request(2025, 12, 31, (TerritoryLevel)99)));
        var badDepartement = Request(2025, 12, 31, TerritoryLevel.Commune);
        badDepartement.Departements.Add("1X4");
        Assert.Equal(["departements[0]"], await Violated(badDepartement));
    }

    private async Task<ObservatoryService.ObservatoryServiceClient> Join(string id, OrganizationKind kind, string[]? departements = null, string[]? communes = null) =>
        new(await HubAccess.JoinAsync(history.Hub.Channel, TestOrganizations.Of(id, kind, departements, communes)));

    private static GetApplicationStockRequest Request(int year, int month, int day, TerritoryLevel level) => new()
    {
        Date = new Google.Type.Date { Year = year, Month = month, Day = day },
        Level = level,
    };

    // "total T1_OR_T2:n …", a suppressed count as *.
    private static string Render(StockRow row) =>
        Cell(row.Total) + " " + string.Join(" ", row.ByNeededTypology.Select(t => t.Typology.ToString() switch
        {
            "T1OrT2" => "T1_OR_T2",
            "T6Plus" => "T6_PLUS",
            var name => name,
        } + ":" + Cell(t.Count)));

    private static string Cell(StockCount count) => count.Suppressed ? "*" : count.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
