using Microsoft.Extensions.Logging;

namespace Interop.Hub.Storage.Migrations;

/// <summary>The migrations' log events (ids 2200–2299).</summary>
internal static partial class MigrationLog
{
    [LoggerMessage(EventId = 2200, Level = LogLevel.Information, Message = "Applied migration {Script}")]
    public static partial void Applied(ILogger logger, string script);
}
