using Microsoft.Extensions.Logging;

namespace Interop.NationalExchange.Export;

/// <summary>
/// The export's log events, with stable ids (category <c>Interop.NationalExchange</c>).
/// They name files, positions and counts only: never a number or any content of
/// an application (those are in the run report, beside the file).
/// </summary>
internal static partial class ExportLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Published {FileName}: changes {After}..{Through}, {Demandes} demandes, {Skipped} changes left out")]
    public static partial void Published(ILogger logger, string fileName, long after, long through, int demandes, int skipped);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "{Count} changes of {FileName} could not be expressed in the national file; see its report")]
    public static partial void NotExpressible(ILogger logger, string fileName, int count);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Replayed {FileName} (changes {After}..{Through}): {Outcome}")]
    public static partial void Replayed(ILogger logger, string fileName, long after, long through, string outcome);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Acknowledged position {Through} of the recorded run {FileName}")]
    public static partial void Acknowledged(ILogger logger, string fileName, long through);
}
