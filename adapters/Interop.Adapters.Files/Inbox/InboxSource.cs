using System.Globalization;
using System.Text;
using Interop.Adapters.Files.Csv;
using Interop.Adapters.Files.Outbox;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;

namespace Interop.Adapters.Files.Inbox;

/// <summary>
/// The exports of the inbox as the SDK's source, one file at a time in name order. The marker is
/// <c>{file}\t{line}</c>: once the SDK has stored the marker of a file's last good line, every line
/// of it was pushed or dead-lettered, and the file is finished: its report (the lines refused while
/// reading, and the dead letters of its lines with the mapping's or the hub's reason) is written
/// beside it and it moves to <c>failed/</c> when a line was refused, else to <c>done/</c>.
/// </summary>
/// <remarks>
/// A file is taken once it has settled (<see cref="SettledFiles"/>: size and last-write time unchanged for
/// the settle time), so an ERP may write its export in place; one written elsewhere and renamed in is taken
/// sooner. Among the settled files, name order. A crash after the report but before the move finishes the
/// file again at the next start: same report, then the move.
/// </remarks>
public sealed class InboxSource(FilesFolders folders, IAdapterStateStore state, TimeProvider timeProvider, TimeSpan settleTime) : IErpChangeSource
{
    private readonly SettledFiles settled = new(timeProvider, settleTime);

    /// <summary>Raised when a file is finished: its name, whether it failed, and how many lines were rejected.</summary>
    public event Action<string, bool, int>? Finished;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken)
    {
        var (markedFile, markedLine) = Parse(afterMarker);
        while (true)
        {
            var files = Directory.GetFiles(folders.Inbox, "*.csv").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
            var ready = settled.Of(files);

            // The marker's file settled before its first line went out (a restart finds it there again).
            var current = files.FirstOrDefault(f => Path.GetFileName(f) == markedFile) ?? ready.FirstOrDefault();
            if (current is null)
            {
                // Nothing, or only files still being written: looked at again at the next poll.
                return [];
            }

            var after = Path.GetFileName(current) == markedFile ? markedLine : 0;
            var export = CsvExport.Read(current, timeProvider.GetUtcNow());
            var pending = export.Changes.Where(c => Line(c.Marker) > after).Take(maxCount).ToList();
            if (pending.Count > 0)
            {
                return pending;
            }

            await FinishAsync(current, export, cancellationToken);
            settled.Forget(current);
            (markedFile, markedLine) = (null, 0);
        }
    }

    private async Task FinishAsync(string path, CsvExport export, CancellationToken cancellationToken)
    {
        var rejected = export.Rejected.ToList();
        foreach (var deadLetter in await state.ListDeadLettersAsync(cancellationToken))
        {
            if (export.LineOf(deadLetter.ChangeId) is { } line)
            {
                rejected.Add(new RejectedLine(line, deadLetter.Reason));
            }
        }

        var deadLettered = rejected.Count - export.Rejected.Count;
        rejected.Sort((a, b) => a.Line.CompareTo(b.Line));
        var failed = rejected.Count > 0;
        var target = failed ? folders.Failed : folders.Done;
        var report = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"file: {export.FileName}\nencoding: {export.Encoding}\nseparator: {export.Separator}\n")
            .Append(CultureInfo.InvariantCulture, $"lines accepted by the hub: {export.Changes.Count - deadLettered}\nlines rejected: {rejected.Count}\n");
        foreach (var line in rejected)
        {
            report.Append(CultureInfo.InvariantCulture, $"line {line.Line}: {line.Reason}\n");
        }

        AtomicFile.Write(Path.Combine(target, export.FileName + ".report.txt"), Encoding.UTF8.GetBytes(report.ToString()));
        File.Move(path, Path.Combine(target, export.FileName), overwrite: true);
        Finished?.Invoke(export.FileName, failed, rejected.Count);
    }

    private static (string? File, int Line) Parse(string? marker)
    {
        var tab = marker?.LastIndexOf('\t') ?? -1;
        return tab < 0 ? (null, 0) : (marker![..tab], Line(marker));
    }

    private static int Line(string marker) => int.Parse(marker.AsSpan(marker.LastIndexOf('\t') + 1), CultureInfo.InvariantCulture);
}
