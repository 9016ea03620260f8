namespace Interop.Hub.Feed;

/// <summary>The feed's log messages (event ids 1500–1599); no personal data, only organisations, subscriptions and positions.</summary>
internal static partial class FeedLog
{
    [LoggerMessage(EventId = 1500, Level = LogLevel.Warning, Message = "The feed sequencer could not reach the database; retrying")]
    public static partial void SequencerUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1501, Level = LogLevel.Warning, Message = "The feed fan-out could not read the database; retrying")]
    public static partial void FanOutUnreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1502, Level = LogLevel.Information, Message = "Feed fan-out reading after change {ChangeSeq}")]
    public static partial void FanOutStarted(ILogger logger, long changeSeq);

    [LoggerMessage(EventId = 1503, Level = LogLevel.Information, Message = "Feed stream of {Organization}/{Subscription} ended for shutdown or rebalancing")]
    public static partial void StreamEnded(ILogger logger, string organization, string subscription);

    [LoggerMessage(EventId = 1504, Level = LogLevel.Error, Message = "The feed fan-out failed reading new pages; retrying (streams read their own pages meanwhile)")]
    public static partial void FanOutFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 1505, Level = LogLevel.Information, Message = "Listening for committed and sequenced changes")]
    public static partial void Listening(ILogger logger);

    [LoggerMessage(EventId = 1506, Level = LogLevel.Information, Message = "Pruned {Count} changes older than {Retention} from the feed")]
    public static partial void Pruned(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(EventId = 1507, Level = LogLevel.Debug, Message = "Feed stream of {Organization}/{Subscription} started after change {ChangeSeq}")]
    public static partial void StreamStarted(ILogger logger, string organization, string subscription, long changeSeq);

    [LoggerMessage(EventId = 1508, Level = LogLevel.Warning, Message = "The feed fan-out could not audit a page's reads ahead; each stream audits its own")]
    public static partial void AuditAheadFailed(ILogger logger, Exception exception);
}
