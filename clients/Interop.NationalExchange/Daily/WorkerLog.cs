using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Daily;

/// <summary>The worker's log events (category <c>Interop.NationalExchange</c>): days and counts only.</summary>
internal static partial class WorkerLog
{
    [LoggerMessage(EventId = 21, Level = LogLevel.Information, Message = "Next national exchange run at {Next}")]
    public static partial void Waiting(ILogger logger, DateTimeOffset next);

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "National exchange of {Date}: {Imports} return files imported, {Demandes} demandes exported, needs attention: {NeedsAttention}")]
    public static partial void Ran(ILogger logger, DateOnly date, int imports, int demandes, bool needsAttention);

    [LoggerMessage(EventId = 23, Level = LogLevel.Error, Message = "The national exchange run failed; trying again in {RetryAfter}")]
    public static partial void Failed(ILogger logger, Exception failure, TimeSpan retryAfter);
}
