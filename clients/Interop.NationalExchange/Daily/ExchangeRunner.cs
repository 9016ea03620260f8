using Interop.Client;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Import;
using Interop.NationalExchange.Reconciliation;
using Interop.NationalExchange.State;

namespace Interop.NationalExchange.Daily;

/// <summary>
/// One day of the exchange, as <c>interop exchange run</c> and the worker do it:
/// first the return files waiting in the inbox (in name order, each once), so
/// that the export knows of the latest rejections; then the export of the day;
/// then the reconciliation report.
/// </summary>
public sealed class ExchangeRunner(InteropClient client, ExchangeOptions options, TimeProvider? time = null)
{
    private readonly TimeProvider clock = time ?? TimeProvider.System;

    /// <summary>Imports the inbox, exports the day and reconciles.</summary>
    /// <param name="date">The day (default: today in <see cref="ExchangeOptions.TimeZone"/>); a day already exported is replayed.</param>
    /// <param name="cancellationToken">Stops the run; see the export and import for what a stop leaves.</param>
    public async Task<ExchangeRunReport> RunAsync(DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        var day = date ?? Today();
        var imports = new List<ImportReport>();
        var import = Import();
        var done = ImportState.Load(options.Directory).Files.Select(f => f.FileName).ToHashSet(StringComparer.Ordinal);
        if (System.IO.Directory.Exists(options.InboxFolder))
        {
            foreach (var file in System.IO.Directory.GetFiles(options.InboxFolder, "*.xml").Order(StringComparer.Ordinal))
            {
                if (!done.Contains(Path.GetFileName(file)))
                {
                    imports.Add(await import.ImportAsync(file, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        var export = await new NationalExport(client, new ExportOptions
        {
            Directory = options.Directory,
            SubscriptionId = options.SubscriptionId,
            TimeZone = options.TimeZone,
            LoggerFactory = options.LoggerFactory,
            Progress = options.Progress,
        }, clock).RunAsync(day, cancellationToken).ConfigureAwait(false);
        var reconciliation = await new Reconciler(client, options.Directory).RunAsync(day, cancellationToken).ConfigureAwait(false);
        return new ExchangeRunReport { Date = day, Imports = imports, Export = export, Reconciliation = reconciliation };
    }

    /// <summary>Imports one return file and reconciles.</summary>
    /// <param name="path">The return file.</param>
    /// <param name="cancellationToken">Stops between lines; a rerun finishes the file.</param>
    public async Task<ExchangeRunReport> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        var report = await Import().ImportAsync(path, cancellationToken).ConfigureAwait(false);
        var day = Today();
        var reconciliation = await new Reconciler(client, options.Directory).RunAsync(day, cancellationToken).ConfigureAwait(false);
        return new ExchangeRunReport { Date = day, Imports = [report], Reconciliation = reconciliation };
    }

    private NationalImport Import() => new(client, new ImportOptions { Directory = options.Directory, LoggerFactory = options.LoggerFactory, Progress = options.Progress });

    private DateOnly Today() => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), options.TimeZone).DateTime);
}
