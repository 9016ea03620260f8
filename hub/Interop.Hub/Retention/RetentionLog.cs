namespace Interop.Hub.Retention;

/// <summary>The retention room's log events (ids 1900–1999): numbers and dates, never the erased data.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(EventId = 1900, Level = LogLevel.Information, Message = "Retention job erased the personal data of {Count} applications radiated more than {Period} ago")]
    public static partial void Erased(ILogger logger, int count, TimeSpan period);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Information, Message = "Erased the personal data of {Number}, radiated on {RadiationDate}")]
    public static partial void ErasedOne(ILogger logger, string number, DateOnly? radiationDate);
}
