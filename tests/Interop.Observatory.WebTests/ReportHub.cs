using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Playwright;

namespace Interop.Observatory.WebTests;

/// <summary>
/// A hub with <see cref="KnownHistory"/>, its HTTP/1.1 door open (browsers do not speak h2c), the
/// keys of a statistics reader of the Calvados and of one of the Orne, and a headless Chromium.
/// Nothing is started when the browser tests are skipped.
/// </summary>
public sealed class ReportHub : IAsyncLifetime
{
    private IPlaywright? playwright;

    public HubHost Hub { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A statistics reader granted the Calvados (14).</summary>
    public string CalvadosKey { get; private set; } = "";

    /// <summary>A statistics reader granted the Orne (61) only.</summary>
    public string OrneKey { get; private set; } = "";

    /// <summary>The report's address on the HTTP/1.1 door.</summary>
    public Uri ReportAddress => new(Hub.HttpJsonAddress!, "/observatoire/");

    public async Task InitializeAsync()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            return;
        }

        Hub = await HubHost.StartAsync("observatory-web", KnownHistory.Start, httpJson: true);
        await KnownHistory.WriteAsync(Hub);
        CalvadosKey = await HubAccess.IssueKeyAsync(Hub.Channel, TestOrganizations.Of("stats-14", OrganizationKind.StatisticsReader, departements: ["14"]));
        OrneKey = await HubAccess.IssueKeyAsync(Hub.Channel, TestOrganizations.Of("stats-61", OrganizationKind.StatisticsReader, departements: ["61"]));
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>A fresh page at the size of a laptop screen, in French, downloads accepted.</summary>
    public async Task<ReportPage> OpenAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1366, Height = 768 },
            Locale = "fr-FR",
            TimezoneId = "Europe/Paris",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync(ReportAddress.ToString());
        return new ReportPage(page, errors);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }
    }
}
