namespace Interop.Hub.Access;

/// <summary>The access room's log events (ids 1000–1099); messages name keys and organisations, never people.</summary>
internal static partial class AccessLog
{
    [LoggerMessage(EventId = 1000, Level = LogLevel.Information, Message = "Refused credentials: {Failure}")]
    public static partial void RefusedCredentials(ILogger logger, string failure);
}
