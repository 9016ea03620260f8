using System.Text.Json;
using Microsoft.Playwright;

namespace Interop.Observatory.WebTests;

/// <summary>The report as a user works it: fill the form, read the table and the charts, download the CSV.</summary>
public sealed class ReportPage(IPage page, IReadOnlyList<string> browserErrors)
{
    public IPage Page => page;

    /// <summary>What the browser's console and the page's scripts reported as errors.</summary>
    public IReadOnlyList<string> BrowserErrors => browserErrors;

    /// <summary>Fills the form and shows the report; waits until it is drawn or refused.</summary>
    public async Task ShowAsync(string key, string level, string territory, string period, string from, string to)
    {
        await page.FillAsync("#key", key);
        await page.SelectOptionAsync("#level", level);
        await page.FillAsync("#territory", territory);
        await page.SelectOptionAsync("#period", period);
        await page.FillAsync("#from", from);
        await page.FillAsync("#to", to);
        await page.EvaluateAsync("() => delete document.body.dataset.state");
        await page.ClickAsync("#show");
        await page.WaitForFunctionAsync("() => ['ready', 'error'].includes(document.body.dataset.state)");
    }

    public Task<string> StatusAsync() => page.InnerTextAsync("#status");

    public Task<string?> StateAsync() => page.EvaluateAsync<string?>("() => document.body.dataset.state ?? null");

    /// <summary>
    /// A table as its user reads it: header cells, then one list of texts per row (row label first).
    /// French number formats put narrow no-break spaces before "%" and between thousands: read as spaces.
    /// </summary>
    public async Task<(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)> TableAsync(string tableId)
    {
        static string Plain(string text) => text.Replace('\u202F', ' ').Replace('\u00A0', ' ').Trim();
        var header = (await page.Locator($"#{tableId} thead th").AllInnerTextsAsync()).Select(Plain).ToList();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in await page.Locator($"#{tableId} tbody tr").AllAsync())
        {
            rows.Add([.. (await row.Locator("th, td").AllInnerTextsAsync()).Select(Plain)]);
        }

        return (header, rows);
    }

    /// <summary>What Chart.js draws on a canvas: its labels and each dataset's label and values (null for a gap).</summary>
    public async Task<ChartData> ChartAsync(string canvasId)
    {
        var json = await page.EvaluateAsync<JsonElement>(
            """
            id => {
              const chart = window.Chart && window.Chart.getChart(id);
              return chart ? { labels: chart.data.labels, datasets: chart.data.datasets.map(d => ({ label: d.label, data: d.data })) } : null;
            }
            """,
            canvasId);
        if (json.ValueKind == JsonValueKind.Null)
        {
            throw new Xunit.Sdk.XunitException($"No chart is drawn on #{canvasId}.");
        }

        return new ChartData(
            [.. json.GetProperty("labels").EnumerateArray().Select(l => l.GetString() ?? "")],
            [.. json.GetProperty("datasets").EnumerateArray().Select(d => new ChartSeries(
                d.GetProperty("label").GetString() ?? "",
                [.. d.GetProperty("data").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? (double?)null : v.GetDouble())]))]);
    }

    /// <summary>Clicks the CSV button and returns the downloaded file's name and text.</summary>
    public async Task<(string Name, string Text)> DownloadCsvAsync()
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#csv"));
        var path = await download.PathAsync();
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }
}
