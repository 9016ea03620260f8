namespace Interop.Hub.Cotation;

/// <summary>The rescoring job's log messages (event ids 2700–2799); grid ids and counts only, never an application.</summary>
internal static partial class RescoringLog
{
    [LoggerMessage(EventId = 2700, Level = LogLevel.Information, Message = "Grid {GridId}: territory rescored, {Rescored} scores written in {Pages} transactions")]
    public static partial void TerritoryDone(ILogger logger, string gridId, long rescored, long pages);

    [LoggerMessage(EventId = 2701, Level = LogLevel.Warning, Message = "The cotation rescoring job could not reach the database; retrying")]
    public static partial void Unreachable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2702, Level = LogLevel.Error, Message = "The cotation rescoring job failed; it continues from its last committed page at the next wake-up")]
    public static partial void Failed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2703, Level = LogLevel.Information, Message = "A new day ({Day}): {Refreshed} stored scores the date moved were rescored")]
    public static partial void DayRefreshed(ILogger logger, DateOnly day, int refreshed);
}
