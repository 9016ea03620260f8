namespace Interop.Hub.Geography;

/// <summary>The geography's log events (ids 2000–2099).</summary>
internal static partial class GeographyLog
{
    [LoggerMessage(EventId = 2000, Level = LogLevel.Warning,
        Message = "No official geography ({File} not found; run npm ci --prefix hub/geography or set Interop:GeographyFile): birth places are compared as typed")]
    public static partial void Missing(ILogger logger, string file);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Official geography: {Codes} commune codes from {File}")]
    public static partial void Loaded(ILogger logger, int codes, string file);
}
