using Microsoft.Playwright;

namespace Interop.Observatory.WebTests;

/// <summary>Debian's Chromium, driven by Playwright through its executable path: Playwright's own browser download is never used.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static bool IsRequired => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("INTEROP_REQUIRE_BROWSER"));

    // On a closed network Chromium's background services (updates, sync, safe browsing, QUIC
    // probes) only produce refused connections; the page needs none of them.
    private static readonly string[] Flags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        if (!IsInstalled)
        {
            throw new InvalidOperationException(
                $"INTEROP_REQUIRE_BROWSER is set but {ExecutablePath} is absent: install it with apt-get install -y chromium (.ci/run does).");
        }

        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Flags,
        });
    }
}
