namespace Interop.Observatory.WebTests;

/// <summary>The observatory's web report in headless Chromium, against a hub holding <see cref="KnownHistory"/>.</summary>
public sealed class ObservatoryReportTests(ReportHub fixture) : IClassFixture<ReportHub>
{
    private const string Departement = "TERRITORY_LEVEL_DEPARTEMENT";
    private const string Year = "PERIOD_YEAR";

    [BrowserFact]
    public async Task Report_ShowsTheCalvadosStockByYear_InTheTableAndTheCharts()
    {
        var report = await fixture.OpenAsync();

        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Year, "2024-01", "2025-12");
        await Screenshots.SaveAsync(report.Page, "report-calvados-2024-2025");

        Assert.Equal("ready", await report.StateAsync());
        var (header, rows) = await report.TableAsync();
        Assert.Equal(["Période", "Demandes actives en fin de période"], header);
        Assert.Equal([["2024", "21"], ["2025", "24"]], rows);

        var flow = await report.ChartAsync("chart-flow");
        Assert.Equal(["2024", "2025"], flow.Labels);
        Assert.Equal([21, 24], flow.Series("Demandes actives en fin de période").Values);

        // At the end of 2025: the 4 single persons are secret, and so is T4's 5, which the total would give back.
        var typologies = await report.ChartAsync("chart-pressure");
        Assert.Equal(["T1 ou T2", "T2", "T3", "T4", "T5", "T6 et plus"], typologies.Labels);
        Assert.Equal([null, 0, 15, null, 0, 0], Assert.Single(typologies.Datasets).Values);
        Assert.Empty(report.BrowserErrors);
    }

    [BrowserFact]
    public async Task Csv_HoldsTheFiguresOfTheTable()
    {
        var report = await fixture.OpenAsync();
        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Year, "2024-01", "2025-12");

        var (name, text) = await report.DownloadCsvAsync();

        Assert.Equal("observatoire-14-2024-01-2025-12.csv", name);
        Assert.Equal(["Période;Demandes actives en fin de période", "2024;21", "2025;24"], text.TrimEnd().Split("\r\n"));
    }

    [BrowserFact]
    public async Task AKeyOfAnotherDepartement_IsToldItHasNoAccess_AndAWrongKeyIsRefused()
    {
        var report = await fixture.OpenAsync();

        await report.ShowAsync(fixture.OrneKey, Departement, "14", Year, "2024-01", "2025-12");
        await Screenshots.SaveAsync(report.Page, "report-refused-territory");
        Assert.Equal("error", await report.StateAsync());
        Assert.StartsWith("Cette clé ne donne pas accès à ce territoire", await report.StatusAsync(), StringComparison.Ordinal);

        await report.ShowAsync("ik_not-a-key", Departement, "14", Year, "2024-01", "2025-12");
        Assert.Equal("error", await report.StateAsync());
        Assert.StartsWith("Clé d'API refusée", await report.StatusAsync(), StringComparison.Ordinal);
        Assert.True(await report.Page.Locator("#report").IsHiddenAsync());
    }
}
