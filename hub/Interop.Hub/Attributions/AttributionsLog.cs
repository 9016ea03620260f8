namespace Interop.Hub.Attributions;

/// <summary>The attributions room's log events (ids 1800–1899).</summary>
internal static partial class AttributionsLog
{
    [LoggerMessage(EventId = 1800, Level = LogLevel.Information, Message = "Inadmissibility job radiated {Count} applications (RADIRR)")]
    public static partial void InadmissibleRadiated(ILogger logger, int count);
}
