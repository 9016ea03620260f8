namespace Interop.Hub.Projections;

/// <summary>The projection runner's log messages (event ids 2300–2399); no personal data, only projection names.</summary>
internal static partial class ProjectionLog
{
    [LoggerMessage(EventId = 2300, Level = LogLevel.Warning, Message = "Projection {Projection} could not reach the database; retrying")]
    public static partial void Unreachable(ILogger logger, string projection, Exception exception);

    [LoggerMessage(EventId = 2301, Level = LogLevel.Error, Message = "Projection {Projection} failed applying a page of changes; it is retried whole at the next wake-up")]
    public static partial void PageFailed(ILogger logger, string projection, Exception exception);

    [LoggerMessage(EventId = 2302, Level = LogLevel.Information, Message = "Projection {Projection} emptied; replaying the change log")]
    public static partial void Rebuilding(ILogger logger, string projection);

    [LoggerMessage(EventId = 2303, Level = LogLevel.Information, Message = "Projection {Projection} rebuilt from one snapshot through change {Head} in {ElapsedMs:0} ms")]
    public static partial void RebuiltFromSnapshot(ILogger logger, string projection, long head, double elapsedMs);
}
