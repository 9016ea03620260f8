namespace Interop.Hub.Errors;

/// <summary>
/// The error mapping's log events (ids 1400–1499). A refusal logs its reason and message, which
/// name resources and fields but never echo the household's values (tested).
/// </summary>
internal static partial class ErrorsLog
{
    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "{Method} refused: {Reason} {Detail}")]
    public static partial void Refused(ILogger logger, string method, string reason, string detail);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Warning, Message = "{Method} failed: database unavailable")]
    public static partial void DatabaseUnavailable(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Error, Message = "{Method} failed unexpectedly")]
    public static partial void Unexpected(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 1403, Level = LogLevel.Debug, Message = "{Method} ended: the caller has gone")]
    public static partial void CallerGone(ILogger logger, Exception exception, string method);
}
