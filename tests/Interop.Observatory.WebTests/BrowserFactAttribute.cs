namespace Interop.Observatory.WebTests;

/// <summary>
/// A test that needs Debian's Chromium. Skipped, saying why, only when <c>/usr/bin/chromium</c> is
/// absent and <c>INTEROP_REQUIRE_BROWSER</c> is unset; CI sets it (and installs the browser), so
/// there a missing browser fails the test instead of hiding it.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.IsInstalled && !Chromium.IsRequired)
        {
            Skip = $"{Chromium.ExecutablePath} is absent (apt-get install -y chromium); set INTEROP_REQUIRE_BROWSER=1 to fail instead of skipping.";
        }
    }
}
