using System.Net;
using Interop.Testing;

namespace Interop.Observatory.WebTests;

/// <summary>How the hub serves the report's files, without a browser: these run everywhere.</summary>
public sealed class ReportFilesTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private HttpClient http = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("observatory-files", httpJson: true);
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = hub.HttpJsonAddress };
    }

    public async Task DisposeAsync()
    {
        http.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task ThePage_IsServedWithoutAKey_UnderAPolicyThatRunsOnlyItsOwnScripts()
    {
        using var page = await http.GetAsync("/observatoire/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Observatoire de la demande de logement social", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheBarePath_RedirectsToTheFolder_SoThePagesRelativeLinksResolve()
    {
        using var bare = await http.GetAsync("/observatoire");

        Assert.Equal(HttpStatusCode.Redirect, bare.StatusCode);
        Assert.Equal("/observatoire/", bare.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheChartLibrary_InstalledByNpm_IsServedBesideThePage()
    {
        using var library = await http.GetAsync("/observatoire/lib/chart.umd.min.js");

        Assert.True(library.StatusCode == HttpStatusCode.OK, "Chart.js is not in the hub's output: run npm ci --prefix hub/observatoire, then build.");
        Assert.Contains("Chart", await library.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFiguresThemselves_StillNeedAKey()
    {
        using var figures = await http.GetAsync("/v1/territoryIndicators?level=TERRITORY_LEVEL_DEPARTEMENT&territoryCode=14&period=INDICATOR_PERIOD_YEAR");

        Assert.Equal(HttpStatusCode.Unauthorized, figures.StatusCode);
    }
}
