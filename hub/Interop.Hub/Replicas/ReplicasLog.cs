namespace Interop.Hub.Replicas;

/// <summary>The replica registry's log events (ids 2600–2699).</summary>
internal static partial class ReplicasLog
{
    [LoggerMessage(EventId = 2600, Level = LogLevel.Information, Message = "{Count} hub replicas alive on the database; each enforces its equal share of every organisation's rate budget")]
    public static partial void CountChanged(ILogger logger, int count);

    [LoggerMessage(EventId = 2601, Level = LogLevel.Warning, Message = "Could not record this replica as alive; keeping the last replica count")]
    public static partial void BeatFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2602, Level = LogLevel.Warning, Message = "Could not remove this replica from the registry at shutdown; it stops counting after the liveness window")]
    public static partial void LeaveFailed(ILogger logger, Exception exception);
}
