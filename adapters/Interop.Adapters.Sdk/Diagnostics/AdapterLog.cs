using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Diagnostics;

/// <summary>The SDK's logs (category <c>Interop.Adapters</c>): ids, numbers, change ids and reasons; never household data.</summary>
internal static partial class AdapterLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Pushed ERP change {ErpChangeId} ({Kind}) as application {Number}, revision {Revision}")]
    public static partial void Pushed(ILogger logger, string erpChangeId, string kind, string number, long revision);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "ERP record {ErpRecordId} linked to the existing application {Number} (duplicate)")]
    public static partial void LinkedDuplicate(ILogger logger, string erpRecordId, string number);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Application {Number} changed meanwhile (expected revision {Expected}, current {Current}): re-applying ERP change {ErpChangeId}")]
    public static partial void RevisionMismatch(ILogger logger, string number, long expected, long current, string erpChangeId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Warning, Message = "Dead-lettered {Direction} change {ChangeId}: {Reason}")]
    public static partial void DeadLettered(ILogger logger, string direction, string changeId, string reason);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Applied hub change {ChangeId} (seq {ChangeSeq}) of {Application} revision {Revision}")]
    public static partial void Applied(ILogger logger, string changeId, long changeSeq, string application, long revision);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "Skipped hub change {ChangeId} of {Application} revision {Revision}: already applied")]
    public static partial void Skipped(ILogger logger, string changeId, string application, long revision);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "ERP call failed, retry {Attempt} in {DelayMs} ms")]
    public static partial void ErpRetry(ILogger logger, Exception? exception, int attempt, double delayMs);

    [LoggerMessage(EventId = 8, Level = LogLevel.Error, Message = "The {Loop} loop failed; starting again from its stored position in {DelayMs} ms")]
    public static partial void LoopFailed(ILogger logger, Exception exception, string loop, double delayMs);

    [LoggerMessage(EventId = 9, Level = LogLevel.Information, Message = "Replayed dead letter {DeadLetterId} (change {ChangeId})")]
    public static partial void Replayed(ILogger logger, Guid deadLetterId, string changeId);

    [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "The {Loop} loop stopped after its change in hand")]
    public static partial void Stopped(ILogger logger, string loop);

    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Removed dead letter {DeadLetterId} (change {ChangeId}): change {AcceptedChangeId} of the same record was accepted since")]
    public static partial void DeadLetterSuperseded(ILogger logger, Guid deadLetterId, string changeId, string acceptedChangeId);
}
