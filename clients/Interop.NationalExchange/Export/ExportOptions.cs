using Interop.NationalExchange.Progress;
using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Export;

/// <summary>Settings of the national export.</summary>
public sealed class ExportOptions
{
    /// <summary>The export's folder (required): files go to <c>outbox/</c> under it, the state file <c>export-state.json</c> beside that folder.</summary>
    public string Directory { get; set; } = "";

    /// <summary>The export's own feed subscription at the hub. Default <c>national-exchange-export</c>.</summary>
    public string SubscriptionId { get; set; } = "national-exchange-export";

    /// <summary>The time zone of file dates and event dates. Default Europe/Paris (the contract's calendar dates are French time).</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Told where the run stands as it goes (for a progress bar, <see cref="ConsoleProgress"/>);
    /// called on the run's own flow, so it must be quick. Default: nobody.
    /// </summary>
    public IProgress<ExchangeProgress>? Progress { get; set; }

    /// <summary>Where the run logs (category <c>Interop.NationalExchange</c>); default: no logs.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>A test hook run after the run is recorded and before the hub is told: a crash there is what the resume logic is for.</summary>
    internal Func<Task>? BeforeAcknowledge { get; set; }
}
