namespace Interop.Hub.Idempotency;

/// <summary>The idempotency room's log events (ids 1300–1399).</summary>
internal static partial class IdempotencyLog
{
    [LoggerMessage(EventId = 1300, Level = LogLevel.Information, Message = "Replayed {Method} for request {RequestId}")]
    public static partial void Replayed(ILogger logger, string method, string requestId);

    [LoggerMessage(EventId = 1301, Level = LogLevel.Warning, Message = "Could not announce committed changes of {Method}")]
    public static partial void AnnounceFailed(ILogger logger, Exception exception, string method);

    [LoggerMessage(EventId = 1302, Level = LogLevel.Information, Message = "Forgot {Count} request ids older than {Retention}")]
    public static partial void Pruned(ILogger logger, int count, TimeSpan retention);
}
