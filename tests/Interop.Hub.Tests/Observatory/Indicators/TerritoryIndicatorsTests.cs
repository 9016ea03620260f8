using System.Net;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Tests.HttpJson;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Interop.Hub.Tests.Observatory.Indicators.IndicatorRendering;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// Every indicator of domain §6.4 over the hand-computed history of <see cref="IndicatorHistory"/>, as
/// a caller reads it: counts computed by hand from the scenario, small cells suppressed.
/// </summary>
[Collection(IndicatorCollection.Name)]
public sealed class TerritoryIndicatorsTests(IndicatorHistory history)
{
    private ObservatoryService.ObservatoryServiceClient AsAdministrator => new(history.Hub.Admin);

    [Fact]
    public async Task Year2024_EveryIndicator_AsComputedByHand_WithSmallCellsAndTheirGiveawaysSuppressed()
    {
        var year = await YearAsync(2024, TerritoryLevel.Departement, "14");

        // End of 2024: A3…A10 (8, T3), F2…F6 (5, T4, transfers), S1…S3 (3, T1/T2): 16. The 3 is suppressed, and with
        // it the row's next smallest cell (the 5) so the total gives neither back. Seniority: 13 filed in January
        // (11 months at the end of December), 3 in February (10): mean 173/16, median 11.
        Assert.Equal(
            "active 16 | T1/2:* T2:0 T3:8 T4:* T5:0 T6+:0 | seniority 0-6:0 6-12:16 12-24:0 24-36:0 36-60:0 60-:0 mean 10.8125 median 11 | transfers 5 share 0.3125",
            Stock(year));
        Assert.Equal("new 19 renewals 12 refusals * | radiations * RADATT:* RADABA:* RADCON:0 RADIRR:0 RADREN:0", Flows(year));
        // Two attributions (A2 with a DALO lease, F1), both 7 whole months after filing: all below 5, so withheld.
        Assert.Equal("attributions * | T1/2:0 T2:0 T3:* T4:* T5:0 T6+:0 | none:0 COLTER:* COLACT:0 PPRIOR:* PFONCT:0 AUTRES:0 AUCUN:0 | priority * share * | delay median *", AttributionFigures(year));
        Assert.Equal("pressure * | T1/2:*/* T2:-/- T3:*/* T4:*/* T5:-/- T6+:-/-", Pressure(year));
        Assert.Equal((new Google.Type.Date { Year = 2024, Month = 1, Day = 1 }, new Google.Type.Date { Year = 2024, Month = 12, Day = 31 }), (year.StartDate, year.EndDate));
    }

    [Fact]
    public async Task Year2025_EveryIndicator_AsComputedByHand()
    {
        var year = await YearAsync(2025, TerritoryLevel.Departement, "14");

        // End of 2025: A3, A9, A10 (T3), F2…F5 (T4, transfers), S2, S3 and N1…N6 (T1/T2): 15. Seniority in December 2025:
        // 7 filed January 2024 (23 months), 2 February 2024 (22), 6 March 2025 (9): mean 259/15, median 22.
        Assert.Equal(
            "active 15 | T1/2:8 T2:0 T3:* T4:* T5:0 T6+:0 | seniority 0-6:0 6-12:6 12-24:9 24-36:0 36-60:0 60-:0 mean 17.2667 median 22 | transfers * share *",
            Stock(year));
        // Renewals: S1…S3 in January, 7 in December. Radiations: F6 not renewed, five leases, A8 renounced.
        Assert.Equal("new 6 renewals 10 refusals * | radiations 7 RADATT:5 RADABA:* RADCON:0 RADIRR:0 RADREN:*", Flows(year));
        // Five leases in April: S1 (T1/T2, préfet, DALO, 14 months after filing) and A4…A7 (T3, employers, 14 months).
        Assert.Equal("attributions 5 | T1/2:* T2:0 T3:* T4:0 T5:0 T6+:0 | none:0 COLTER:0 COLACT:* PPRIOR:* PFONCT:0 AUTRES:0 AUCUN:0 | priority * share * | delay median 14", AttributionFigures(year));
        // 15 active at 31 December ÷ 5 attributions of the year.
        Assert.Equal("pressure 3 | T1/2:*/* T2:-/- T3:*/* T4:*/* T5:-/- T6+:-/-", Pressure(year));
    }

    [Fact]
    public async Task Quarters2025_FollowTheStockThroughTheYear()
    {
        var series = await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Quarter, new DateOnly(2025, 2, 14), new DateOnly(2025, 12, 31)));

        // 16 at the start; Q1: F6 radiated, N1…N6 registered (21); Q2: five leases and A8 (15); then steady.
        Assert.Equal(["21", "15", "15", "15"], series.Periods.Select(p => Cell(p.ActiveApplications)));
        Assert.Equal(["6", "0", "0", "0"], series.Periods.Select(p => Cell(p.NewApplications)));
        // Q2's 6 radiations are one short of the year's 7 (published): withheld, or the two would give Q1's one back.
        Assert.Equal(["*", "*", "0", "0"], series.Periods.Select(p => Cell(p.Radiations)));
        // Q4's 7 renewals are three short of the year's 10: withheld, or the two would give Q1's three back.
        Assert.Equal(["*", "0", "0", "*"], series.Periods.Select(p => Cell(p.Renewals)));
        // Q2's radiations are 5 leases and 1 renunciation: the 1 is suppressed and, the total being withheld already,
        // the 5 leases (and the attributions, which equal them) are published.
        Assert.Equal(["0", "5", "0", "0"], series.Periods.Select(p => Cell(p.Attributions)));
        Assert.Equal("radiations * RADATT:5 RADABA:* RADCON:0 RADIRR:0 RADREN:0", Flows(series.Periods[1])[Flows(series.Periods[1]).IndexOf("radiations", StringComparison.Ordinal)..]);
        Assert.Equal(["2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01"], series.Periods.Select(p => $"{p.StartDate.Year:D4}-{p.StartDate.Month:D2}-{p.StartDate.Day:D2}"));
        Assert.Equal(IndicatorHistory.Paris(2025, 12, 1).Date, series.CountedThrough.ToDateTime().Date);
    }

    [Fact]
    public async Task AYearAndItsQuartersAndMonths_NeverLetAWithheldMonthBeComputed()
    {
        var months = (await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)))).Periods;
        var quarters = (await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Quarter, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)))).Periods;
        var years = (await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Year, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31)))).Periods;

        // Renewals of 2025: S1…S3 in January, 7 in December. The year's 10 is published, so December (3 short of it)
        // and the fourth quarter are withheld; before, year − December gave January's 3 back.
        Assert.Equal("10", Cell(years[1].Renewals));
        Assert.Equal(["*", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "*"], months.Skip(12).Select(p => Cell(p.Renewals)));
        Assert.Equal(["*", "0", "0", "*"], quarters.Skip(4).Select(p => Cell(p.Renewals)));
        // New applications of 2024: 16 in January, 3 in February; the year's 19 is published, January is not.
        Assert.Equal(("19", "*", "*"), (Cell(years[0].NewApplications), Cell(months[0].NewApplications), Cell(months[1].NewApplications)));

        var counts = new Func<PeriodIndicators, StockCount>[] { p => p.NewApplications, p => p.Renewals, p => p.Radiations, p => p.Attributions, p => p.OfferRefusals };
        foreach (var count in counts)
        {
            foreach (var outer in years.Concat(quarters))
            {
                var inside = months.Concat(quarters).Where(p => !ReferenceEquals(p, outer) && Within(p, outer)).ToList();
                foreach (var inner in inside.Where(p => !count(p).Suppressed && !count(outer).Suppressed))
                {
                    var difference = count(outer).Count - count(inner).Count;
                    Assert.False(difference is > 0 and < 5, $"{outer.StartDate}…{outer.EndDate} − {inner.StartDate}…{inner.EndDate} = {difference}");
                }

                // Subtracting every published month: one withheld month alone would come back whole.
                var withheld = inside.Where(p => p.StartDate.Month == p.EndDate.Month && count(p).Suppressed).ToList();
                Assert.True(count(outer).Suppressed || withheld.Count != 1, $"{outer.StartDate}…{outer.EndDate}: one withheld month");
            }
        }

        static bool Within(PeriodIndicators inner, PeriodIndicators outer) =>
            inner.StartDate.Year == outer.StartDate.Year && inner.StartDate.Month >= outer.StartDate.Month && inner.EndDate.Month <= outer.EndDate.Month;
    }

    [Fact]
    public async Task TheCurrentMonth_EndsToday_AndTheCommunesAndTheFileSeeTheSameAsTheirDepartement()
    {
        var months = await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Commune, "14327", IndicatorPeriod.Month, new DateOnly(2025, 12, 1), new DateOnly(2026, 1, 10)));
        var file = await YearAsync(2025, TerritoryLevel.File, "");
        var commune = await YearAsync(2025, TerritoryLevel.Commune, "14118");
        var departement = await YearAsync(2025, TerritoryLevel.Departement, "14");

        Assert.Equal([(12, 31, "15"), (1, 10, "15")], months.Periods.Select(p => (p.EndDate.Month, p.EndDate.Day, Cell(p.ActiveApplications))));
        Assert.Equal(departement, file);
        Assert.Equal(departement, commune);
    }

    [Fact]
    public async Task ErasedApplications_KeepCountingWhereTheyCounted_AndARebuildGivesTheSameFigures_EvenOnceTheFeedIsPruned()
    {
        var request = Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2024, 1, 1), new DateOnly(2026, 1, 10));
        var before = await AsAdministrator.GetTerritoryIndicatorsAsync(request);

        var rebuilt = await AsAdministrator.RebuildIndicatorsAsync(new RebuildIndicatorsRequest());
        var afterRebuild = await AsAdministrator.GetTerritoryIndicatorsAsync(request);
        // Every change is older than the feed's 30 days: pruned, the rebuild counts them from the durable history.
        // Pruning never passes a read model's checkpoint (cotation's too): every projection reads the history first.
        await history.Hub.Services.GetRequiredService<Interop.Hub.Projections.ProjectionRunner>().CatchUpAsync(CancellationToken.None);
        var pruned = await history.Hub.Services.GetRequiredService<Interop.Hub.Feed.FeedPruning>().RunOnceAsync(CancellationToken.None);
        var rebuiltFromHistory = await AsAdministrator.RebuildIndicatorsAsync(new RebuildIndicatorsRequest());
        var afterPruning = await AsAdministrator.GetTerritoryIndicatorsAsync(request);

        // A1 (renounced June 2024), A2 and F1 (leases, September 2024) were erased in October 2025; still counted.
        Assert.Equal("*", Cell(before.Periods[5].Radiations));
        Assert.True(rebuilt.ChangesReplayed > 25, $"{rebuilt.ChangesReplayed} changes replayed");
        Assert.Equal(before, afterRebuild);
        Assert.True(pruned > 25, $"{pruned} changes pruned");
        Assert.Equal(0, rebuiltFromHistory.ChangesReplayed);
        Assert.Equal(before, afterPruning);
    }

    [Fact]
    public async Task EachCallerReadsItsTerritoryOnly()
    {
        var state = await JoinAsync("state-14", OrganizationKind.StateService, departements: ["14"]);
        var elsewhere = await JoinAsync("stats-61", OrganizationKind.StatisticsReader, departements: ["61"]);
        var caen = await JoinAsync("caen", OrganizationKind.Collectivity, communes: ["14118"]);
        var nothing = await JoinAsync("stats-nothing", OrganizationKind.StatisticsReader);
        var year = Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal("15", Cell((await state.GetTerritoryIndicatorsAsync(year)).Periods[0].ActiveApplications));
        Assert.Equal("15", Cell((await caen.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Commune, "14118", IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)))).Periods[0].ActiveApplications));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await elsewhere.GetTerritoryIndicatorsAsync(year));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await caen.GetTerritoryIndicatorsAsync(year));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await caen.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Commune, "14327", IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await state.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.File, "", IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31))));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await nothing.GetTerritoryIndicatorsAsync(year));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () => await state.RebuildIndicatorsAsync(new RebuildIndicatorsRequest()));
    }

    [Fact]
    public async Task BadRequests_AreInvalidArguments_NamingTheField()
    {
        async Task<IReadOnlyList<string>> Violated(GetTerritoryIndicatorsRequest request) =>
            RpcAssert.ViolatedFields(await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await AsAdministrator.GetTerritoryIndicatorsAsync(request)));
        GetTerritoryIndicatorsRequest Good() => Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));

        Assert.Equal(["end_date"], await Violated(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 11))));
        Assert.Equal(["end_date"], await Violated(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2025, 1, 1), new DateOnly(2024, 12, 31))));
        Assert.Equal(["end_date"], await Violated(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2000, 1, 1), new DateOnly(2025, 12, 31))));
        Assert.Equal(["start_date"], await Violated(Good().Also(r => r.StartDate = null)));
        Assert.Equal(["period"], await Violated(Good().Also(r => r.Period = IndicatorPeriod.Unspecified)));
        Assert.Equal(["level"], await Violated(Good().Also(r => r.Level = (TerritoryLevel)99)));
        Assert.Equal(["territory_code"], await Violated(Good().Also(r => r.TerritoryCode = "1X4")));
        Assert.Equal(["territory_code"], await Violated(Good().Also(r => (r.Level, r.TerritoryCode) = (TerritoryLevel.File, "14"))));
        Assert.Equal(["territory_code"], await Violated(Good().Also(r => (r.Level, r.TerritoryCode) = (TerritoryLevel.Commune, "141"))));
        Assert.Equal(["territory_code"], await Violated(Good().Also(r => (r.Level, r.TerritoryCode) = (TerritoryLevel.Epci, "20006"))));
    }

    [Fact]
    public async Task TheCsvExport_OverGrpcAndHttp_HoldsTheSameFigures_SuppressedCellsEmpty()
    {
        var request = Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Year, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31));
        var export = await AsAdministrator.ExportTerritoryIndicatorsAsync(new ExportTerritoryIndicatorsRequest
        {
            Level = request.Level, TerritoryCode = request.TerritoryCode, Period = request.Period, StartDate = request.StartDate, EndDate = request.EndDate,
        });
        using var door = JsonDoor.Over(history.Hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(history.Hub.Channel, TestOrganizations.Registrar().OrganizationId));
        using var overHttp = await door.SendRawAsync(
            HttpMethod.Get,
            "/v1/territoryIndicators:export?level=TERRITORY_LEVEL_DEPARTEMENT&territoryCode=14&period=INDICATOR_PERIOD_YEAR"
            + "&startDate.year=2024&startDate.month=1&startDate.day=1&endDate.year=2025&endDate.month=12&endDate.day=31");

        var lines = export.Data.ToStringUtf8().Split('\n');
        Assert.Equal("text/csv; charset=utf-8", export.ContentType);
        Assert.Equal("period_start,period_end,indicator,dimension,value,suppressed", lines[0]);
        Assert.Contains("2024-01-01,2024-12-31,active_applications,,16,false", lines);
        Assert.Contains("2024-01-01,2024-12-31,active_by_needed_typology,T1OrT2,,true", lines);
        Assert.Contains("2025-01-01,2025-12-31,radiations_by_reason,RADATT,5,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,seniority_mean_months,,17.2667,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,pressure,,3,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,seniority_distribution,12-24,9,false", lines);
        Assert.Equal(HttpStatusCode.OK, overHttp.StatusCode);
        Assert.Equal("text/csv", overHttp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(export.Data.ToStringUtf8(), await overHttp.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheIndicators_OverHttpJson()
    {
        using var door = JsonDoor.Over(history.Hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(history.Hub.Channel, TestOrganizations.Registrar().OrganizationId));

        var indicators = await door.GetAsync<TerritoryIndicators>(
            "/v1/territoryIndicators?level=TERRITORY_LEVEL_DEPARTEMENT&territoryCode=14&period=INDICATOR_PERIOD_YEAR"
            + "&startDate.year=2025&startDate.month=1&startDate.day=1&endDate.year=2025&endDate.month=12&endDate.day=31");
        var (http, status, _) = await door.FailsAsync(HttpMethod.Get, "/v1/territoryIndicators?level=TERRITORY_LEVEL_DEPARTEMENT&territoryCode=14");

        Assert.Equal(Year2025(await YearAsync(2025, TerritoryLevel.Departement, "14")), Year2025(Assert.Single(indicators.Periods)));
        Assert.Equal((HttpStatusCode.BadRequest, (int)StatusCode.InvalidArgument), (http, status.Code));

        static string Year2025(PeriodIndicators p) => Stock(p) + Flows(p) + AttributionFigures(p) + Pressure(p);
    }

    private async Task<PeriodIndicators> YearAsync(int year, TerritoryLevel level, string code) =>
        Assert.Single((await AsAdministrator.GetTerritoryIndicatorsAsync(Request(level, code, IndicatorPeriod.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))).Periods);

    private async Task<ObservatoryService.ObservatoryServiceClient> JoinAsync(string id, OrganizationKind kind, string[]? departements = null, string[]? communes = null) =>
        new(await HubAccess.JoinAsync(history.Hub.Channel, TestOrganizations.Of(id, kind, departements, communes)));

    internal static GetTerritoryIndicatorsRequest Request(TerritoryLevel level, string code, IndicatorPeriod period, DateOnly start, DateOnly end) => new()
    {
        Level = level,
        TerritoryCode = code,
        Period = period,
        StartDate = new Google.Type.Date { Year = start.Year, Month = start.Month, Day = start.Day },
        EndDate = new Google.Type.Date { Year = end.Year, Month = end.Month, Day = end.Day },
    };
}
