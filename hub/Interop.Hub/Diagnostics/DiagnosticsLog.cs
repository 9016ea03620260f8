namespace Interop.Hub.Diagnostics;

/// <summary>The diagnostics' log events (ids 2100–2199).</summary>
internal static partial class DiagnosticsLog
{
    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning, Message = "Could not read a database gauge; it is left out of this collection")]
    public static partial void GaugeReadFailed(ILogger logger, Exception exception);
}
