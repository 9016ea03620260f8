using Interop.Contracts.V1;
using static Interop.Hub.Tests.Observatory.Indicators.IndicatorRendering;
using static Interop.Hub.Tests.Observatory.Indicators.TerritoryIndicatorsTests;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// Two calls about nested territories, answered over gRPC, then subtracted as a curious reader would:
/// the département's 23 is published, and nothing published elsewhere gives back the 3 households of Bayeux.
/// </summary>
public sealed class CrossCallSuppressionTests(NestedTerritoriesHistory history) : IClassFixture<NestedTerritoriesHistory>
{
    private ObservatoryService.ObservatoryServiceClient AsAdministrator => new(history.Hub.Admin);

    [Fact]
    public async Task ADepartementAndAnEpciThreeShortOfIt_NeverLetTheThreeBeComputed()
    {
        var departement = await YearAsync(TerritoryLevel.Departement, "14");
        var caenLaMer = await YearAsync(TerritoryLevel.Epci, NestedTerritoriesHistory.CaenLaMer);
        var bayeux = await YearAsync(TerritoryLevel.Epci, NestedTerritoriesHistory.BayeuxIntercom);

        Assert.Equal(("23", "23"), (Cell(departement.ActiveApplications), Cell(departement.NewApplications)));
        Assert.Equal(("*", "*"), (Cell(caenLaMer.ActiveApplications), Cell(caenLaMer.NewApplications)));
        Assert.Equal(("*", "*"), (Cell(bayeux.ActiveApplications), Cell(bayeux.NewApplications)));
        AssertNoSmallDifference(departement, caenLaMer);
        AssertNoSmallDifference(departement, bayeux);
    }

    [Fact]
    public async Task TheCommunes_AndTheFile_GiveNothingBackEither()
    {
        var file = await YearAsync(TerritoryLevel.File, "");
        var departement = await YearAsync(TerritoryLevel.Departement, "14");
        var caen = await YearAsync(TerritoryLevel.Commune, "14118");
        var bayeux = await YearAsync(TerritoryLevel.Commune, "14047");
        var caenLaMer = await YearAsync(TerritoryLevel.Epci, NestedTerritoriesHistory.CaenLaMer);

        // Caen is all of Caen la Mer (a zero difference points at no one) but three short of the département.
        Assert.Equal("23", Cell(file.ActiveApplications));
        Assert.Equal(("*", "*"), (Cell(caen.ActiveApplications), Cell(bayeux.ActiveApplications)));
        foreach (var inner in new[] { departement, caen, bayeux, caenLaMer })
        {
            AssertNoSmallDifference(file, inner);
            AssertNoSmallDifference(departement, inner);
        }
    }

    [Fact]
    public async Task TheMonthsOfTheDepartement_AddUpToItsYearWithoutGivingBackTheBayeuxThree()
    {
        var months = await AsAdministrator.GetTerritoryIndicatorsAsync(Request(TerritoryLevel.Departement, "14", IndicatorPeriod.Month, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)));
        var year = await YearAsync(TerritoryLevel.Departement, "14");

        // Everything happened in January: the month is the year, so both are published alike.
        Assert.Equal(("23", "23"), (Cell(months.Periods[0].NewApplications), Cell(year.NewApplications)));
        Assert.All(months.Periods.Skip(1), p => Assert.Equal("0", Cell(p.NewApplications)));
    }

    [Fact]
    public async Task TheStockOfADay_ByCommuneAndByEpci_WithholdsWhatIsThreeShortOfTheDepartement()
    {
        async Task<Dictionary<string, string>> TotalsAsync(TerritoryLevel level) =>
            (await AsAdministrator.GetApplicationStockAsync(new GetApplicationStockRequest
            {
                Date = new Google.Type.Date { Year = 2025, Month = 12, Day = 31 }, Level = level, Departements = { "14" },
            })).Rows.ToDictionary(r => r.TerritoryCode, r => Cell(r.Total));

        var departements = await TotalsAsync(TerritoryLevel.Departement);
        var communes = await TotalsAsync(TerritoryLevel.Commune);
        var epcis = await TotalsAsync(TerritoryLevel.Epci);
        var indicators = await YearAsync(TerritoryLevel.Departement, "14");

        Assert.Equal(("23", "23"), (departements["14"], Cell(indicators.ActiveApplications)));
        Assert.Equal(("*", "*"), (communes["14118"], communes["14047"]));
        Assert.Equal(("*", "*"), (epcis[NestedTerritoriesHistory.CaenLaMer], epcis[NestedTerritoriesHistory.BayeuxIntercom]));
    }

    internal static void AssertNoSmallDifference(PeriodIndicators outer, PeriodIndicators inner)
    {
        foreach (var (a, b, what) in new[]
        {
            (outer.ActiveApplications, inner.ActiveApplications, "active"),
            (outer.NewApplications, inner.NewApplications, "new"),
        }.Concat(outer.ActiveByNeededTypology.Zip(inner.ActiveByNeededTypology, (x, y) => (x.Count, y.Count, "active " + x.Typology))))
        {
            if (!a.Suppressed && !b.Suppressed)
            {
                var difference = a.Count - b.Count;
                Assert.False(difference is > 0 and < 5, $"{what}: {a.Count} − {b.Count} = {difference} can be computed from two answers");
            }
        }
    }

    private async Task<PeriodIndicators> YearAsync(TerritoryLevel level, string code) =>
        Assert.Single((await AsAdministrator.GetTerritoryIndicatorsAsync(Request(level, code, IndicatorPeriod.Year, new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31)))).Periods);
}
