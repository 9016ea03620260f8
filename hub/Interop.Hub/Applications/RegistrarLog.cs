namespace Interop.Hub.Applications;

/// <summary>The registrar's log events (ids 1200–1299): numbers and desks, never the household's data.</summary>
internal static partial class RegistrarLog
{
    [LoggerMessage(EventId = 1200, Level = LogLevel.Error, Message = "Desk {Desk} of département {Departement} has used all {Max} numbers of {Month}")]
    public static partial void NumbersExhausted(ILogger logger, string desk, string departement, int max, string month);

    [LoggerMessage(EventId = 1201, Level = LogLevel.Information, Message = "Registered application {Number} at desk {Desk}")]
    public static partial void Registered(ILogger logger, string number, string desk);

    [LoggerMessage(EventId = 1202, Level = LogLevel.Information, Message = "Imported application {Number}")]
    public static partial void Imported(ILogger logger, string number);
}
