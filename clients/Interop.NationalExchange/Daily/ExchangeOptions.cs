using Interop.NationalExchange.Progress;
using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Daily;

/// <summary>
/// Settings of the daily exchange (configuration section <c>NationalExchange</c> of the
/// worker: environment <c>NationalExchange__Directory</c>, <c>NationalExchange__RunAt</c>…).
/// </summary>
public sealed class ExchangeOptions
{
    /// <summary>The configuration section of the worker.</summary>
    public const string Section = "NationalExchange";

    /// <summary>The exchange's folder (required): <c>outbox/</c>, <c>inbox/</c>, <c>reports/</c> and the state files.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Where the national side's return files arrive. Default <c>&lt;Directory&gt;/inbox</c>.</summary>
    public string? Inbox { get; set; }

    /// <summary>The export's feed subscription at the hub. Default <c>national-exchange-export</c>.</summary>
    public string SubscriptionId { get; set; } = "national-exchange-export";

    /// <summary>The worker's time of day for the run, in <see cref="TimeZone"/>. Default 02:00 (French time).</summary>
    public TimeOnly RunAt { get; set; } = new(2, 0);

    /// <summary>The time zone of the days and of <see cref="RunAt"/>. Default Europe/Paris.</summary>
    public TimeZoneInfo TimeZone { get; set; } = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>How long the worker waits before trying a failed run again the same day. Default 15 minutes.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Told where the run stands as it goes (for a progress bar, <see cref="ConsoleProgress"/>);
    /// called on the run's own flow, so it must be quick. Default: nobody.
    /// </summary>
    public IProgress<ExchangeProgress>? Progress { get; set; }

    /// <summary>Where the runs log (category <c>Interop.NationalExchange</c>); default: no logs.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The inbox folder in effect.</summary>
    public string InboxFolder => Inbox ?? Path.Combine(Directory, "inbox");
}
