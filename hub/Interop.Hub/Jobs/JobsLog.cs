namespace Interop.Hub.Jobs;

/// <summary>The periodic jobs' log events (ids 1600–1699).</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 1600, Level = LogLevel.Error, Message = "The periodic job {Job} failed; it runs again in {Interval}")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string job, TimeSpan interval);

    [LoggerMessage(EventId = 1601, Level = LogLevel.Information, Message = "The periodic job {Job} ran on this replica")]
    public static partial void Ran(ILogger logger, string job);

    [LoggerMessage(EventId = 1602, Level = LogLevel.Debug, Message = "The periodic job {Job} is not due on this replica: another replica ran it within the interval")]
    public static partial void NotDue(ILogger logger, string job);
}
