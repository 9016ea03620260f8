namespace Interop.Hub.Renewal;

/// <summary>The renewal room's log events (ids 1700–1799).</summary>
internal static partial class RenewalLog
{
    [LoggerMessage(EventId = 1700, Level = LogLevel.Information, Message = "Renewal job radiated {Count} applications not renewed (RADREN)")]
    public static partial void Radiated(ILogger logger, int count);
}
