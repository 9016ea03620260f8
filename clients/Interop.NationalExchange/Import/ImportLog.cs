using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Import;

/// <summary>The import's log events (category <c>Interop.NationalExchange</c>): files and counts only, never a number or any content of an application.</summary>
internal static partial class ImportLog
{
    [LoggerMessage(EventId = 11, Level = LogLevel.Information, Message = "Imported {FileName}: {Acknowledged} acknowledged, {Rejected} rejected, {Resolved} resolved, {Radiated} radiated here, {Issues} issues")]
    public static partial void Imported(ILogger logger, string fileName, int acknowledged, int rejected, int resolved, int radiated, int issues);

    [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "{FileName} was already imported: nothing applied again")]
    public static partial void AlreadyImported(ILogger logger, string fileName);

    [LoggerMessage(EventId = 13, Level = LogLevel.Warning, Message = "The national registry refused the whole export file {ExportFile}: it must be sent again")]
    public static partial void ExportRefused(ILogger logger, string exportFile);
}
