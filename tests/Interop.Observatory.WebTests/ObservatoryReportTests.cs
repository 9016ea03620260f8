namespace Interop.Observatory.WebTests;

/// <summary>
/// The observatory's web report in headless Chromium, against a hub holding <see cref="KnownHistory"/>:
/// every figure checked here is the hand count written there.
/// </summary>
public sealed class ObservatoryReportTests(ReportHub fixture) : IClassFixture<ReportHub>
{
    private const string Departement = "TERRITORY_LEVEL_DEPARTEMENT";
    private const string Year = "INDICATOR_PERIOD_YEAR";
    private const string Month = "INDICATOR_PERIOD_MONTH";

    [BrowserFact]
    public async Task YearlyReport_ShowsTheHandCountedIndicators_InTheTable()
    {
        var report = await fixture.OpenAsync();

        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Year, "2024-01", "2025-12");
        await Screenshots.SaveAsync(report.Page, "report-calvados-2024-2025");

        Assert.Equal("ready", await report.StateAsync());
        var (header, rows) = await report.TableAsync("indicators");
        Assert.Equal(
            [
                "Période", "Demandes actives (fin de période)", "Nouvelles demandes", "Renouvellements", "Radiations", "Attributions",
                "Pression (demandes ÷ attributions)", "Ancienneté moyenne (mois)", "Ancienneté médiane (mois)", "Délai médian d'attribution (mois)",
                "Part des demandes de mutation", "Part des attributions aux publics prioritaires", "Refus d'offres",
            ],
            header);
        // "–": not defined (no attribution in 2024: no pressure, delay or priority share).
        Assert.Equal(
            [
                ["2024", "27", "27", "0", "0", "0", "–", "8,44", "10,0", "–", "0 %", "–", "0"],
                ["2025", "24", "8", "0", "11", "6", "4,0", "15,92", "15,0", "16,0", "0 %", "100 %", "0"],
            ],
            rows);

        var (typologyHeader, typologies) = await report.TableAsync("typologies");
        Assert.Equal(["Typologie nécessaire (2025)", "Demandes actives", "Attributions", "Pression", "Indice de déséquilibre"], typologyHeader);
        Assert.Equal(["T1 ou T2", "T2", "T3", "T4", "T5", "T6 et plus"], typologies.Select(r => r[0]));
        // The 4 single persons are secret, and so is T4's 6, which the total would give back.
        Assert.Equal(["T3", "14", "6", "2,33", "0,58"], typologies[2]);
        Assert.Equal(["T1 ou T2", "s"], typologies[0].Take(2));
        Assert.Equal(["T4", "s"], typologies[3].Take(2));
        Assert.Equal(["T2", "0", "0"], typologies[1].Take(3));
        Assert.Empty(report.BrowserErrors);
    }

    [BrowserFact]
    public async Task YearlyReport_DrawsTheSameFigures_InItsFourCharts()
    {
        var report = await fixture.OpenAsync();
        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Year, "2024-01", "2025-12");

        var flow = await report.ChartAsync("chart-flow");
        Assert.Equal(["2024", "2025"], flow.Labels);
        Assert.Equal([27, 8], flow.Series("Nouvelles demandes").Values);
        Assert.Equal([0, 6], flow.Series("Attributions").Values);
        Assert.Equal([27, 24], flow.Series("Demandes actives (fin de période)").Values);

        var pressure = await report.ChartAsync("chart-pressure");
        Assert.Equal(["T1 ou T2", "T2", "T3", "T4", "T5", "T6 et plus"], pressure.Labels);
        var byTypology = Assert.Single(pressure.Datasets).Values;
        Assert.Equal(14.0 / 6, byTypology[2]!.Value, 2);
        Assert.Null(byTypology[0]);
        Assert.Null(byTypology[3]);

        var seniority = await report.ChartAsync("chart-seniority");
        Assert.Equal(["moins de 6 mois", "6 à 12 mois", "12 à 24 mois", "24 à 36 mois", "36 à 60 mois", "60 mois et plus"], seniority.Labels);
        Assert.Equal([0, 8, 16, 0, 0, 0], Assert.Single(seniority.Datasets).Values);

        // Only the reasons that happened are drawn, one stacked series each.
        var radiations = await report.ChartAsync("chart-radiations");
        Assert.Equal(["2024", "2025"], radiations.Labels);
        Assert.Equal(["Attribution (RADATT)", "Renonciation (RADABA)"], radiations.Datasets.Select(d => d.Label).Order());
        Assert.Equal([0, 6], radiations.Series("Attribution (RADATT)").Values);
        Assert.Equal([0, 5], radiations.Series("Renonciation (RADABA)").Values);
        Assert.Empty(report.BrowserErrors);
    }

    [BrowserFact]
    public async Task MonthlyReport_PutsEachEventInItsMonth_WithFrenchLabels()
    {
        var report = await fixture.OpenAsync();

        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Month, "2025-01", "2025-12");
        await Screenshots.SaveAsync(report.Page, "report-calvados-2025-monthly");

        var (_, rows) = await report.TableAsync("indicators");
        Assert.Equal(12, rows.Count);
        var march = Assert.Single(rows, r => r[0] == "mars 2025");
        var june = Assert.Single(rows, r => r[0] == "juin 2025");
        // March: 27 + 8 new − 5 renunciations; June: 6 leases.
        Assert.Equal(["mars 2025", "30", "8", "0", "5", "0"], march.Take(6));
        Assert.Equal(["juin 2025", "24", "0", "0", "6", "6"], june.Take(6));
        Assert.Equal("24", rows[^1][1]);
    }

    [BrowserFact]
    public async Task Csv_IsTheHubsExportOfTheSameFigures()
    {
        var report = await fixture.OpenAsync();
        await report.ShowAsync(fixture.CalvadosKey, Departement, "14", Year, "2024-01", "2025-12");

        var (name, text) = await report.DownloadCsvAsync();

        Assert.Equal("observatoire-14-2024-01-2025-12.csv", name);
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("period_start,period_end,indicator,dimension,value,suppressed", lines[0]);
        Assert.Contains("2024-01-01,2024-12-31,active_applications,,27,false", lines);
        Assert.Contains("2024-01-01,2024-12-31,new_applications,,27,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,active_applications,,24,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,attributions,,6,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,radiations,,11,false", lines);
        Assert.Contains("2025-01-01,2025-12-31,pressure,,4,false", lines);
        // The two secret typologies of the 2025 stock: no value, flagged.
        Assert.Equal(2, lines.Count(l => l.StartsWith("2025-01-01,2025-12-31,active_by_needed_typology,", StringComparison.Ordinal) && l.EndsWith(",,true", StringComparison.Ordinal)));
    }

    [BrowserFact]
    public async Task AKeyOfAnotherDepartement_IsToldItHasNoAccess_AndAWrongKeyIsRefused()
    {
        var report = await fixture.OpenAsync();

        await report.ShowAsync(fixture.OrneKey, Departement, "14", Year, "2024-01", "2025-12");
        await Screenshots.SaveAsync(report.Page, "report-refused-territory");
        Assert.Equal("error", await report.StateAsync());
        Assert.StartsWith("Cette clé ne donne pas accès à ce territoire", await report.StatusAsync(), StringComparison.Ordinal);
        Assert.True(await report.Page.Locator("#report").IsHiddenAsync());

        await report.ShowAsync("ik_not-a-key", Departement, "14", Year, "2024-01", "2025-12");
        Assert.Equal("error", await report.StateAsync());
        Assert.StartsWith("Clé d'API refusée", await report.StatusAsync(), StringComparison.Ordinal);
    }
}
