using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Files;
using Interop.NationalExchange.State;
using Interop.NationalExchange.Writing;
using Interop.NationalExchange.Progress;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.NationalExchange.Export;

/// <summary>
/// The daily export to the national registry, as the <c>national-exchange</c>
/// organisation (kind NATIONAL_EXCHANGE, which reads every application).
/// <para>
/// A run for a new day takes the changes after the last recorded run through its
/// own feed subscription until it is caught up, streams them into a temporary file
/// of <c>outbox/</c>, validates it against the schema, flushes it to disk, renames
/// it to <c>nuu-&lt;yyyyMMdd&gt;-&lt;run, 4 digits&gt;.xml</c>, records the run in
/// <c>export-state.json</c>, and only then acknowledges the feed position.
/// </para>
/// <para>
/// A run for a day already recorded replays the recorded range and changes nothing
/// (see <see cref="ExportRunReport.Replayed"/>). A crash before the record leaves at
/// most an unrecorded file, which the next run overwrites under the same name; a
/// crash after the record and before the acknowledgement is finished by the next
/// run, which acknowledges first.
/// </para>
/// </summary>
public sealed class NationalExport
{
    private readonly InteropClient client;
    private readonly ExportOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;

    /// <summary>Creates the export over a client holding a key of the national-exchange organisation.</summary>
    /// <param name="client">The hub's client.</param>
    /// <param name="options">The folder and subscription; <see cref="ExportOptions.Directory"/> is required.</param>
    /// <param name="time">The clock that gives today's date when a run has none; default <see cref="TimeProvider.System"/>.</param>
    public NationalExport(InteropClient client, ExportOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        this.client = client;
        this.options = options;
        this.time = time ?? TimeProvider.System;
        logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Interop.NationalExchange");
    }

    /// <summary>The folder the files are published in.</summary>
    public string Outbox => Path.Combine(options.Directory, "outbox");

    /// <summary>Runs the export for a day (default: today in <see cref="ExportOptions.TimeZone"/>).</summary>
    /// <param name="date">The file's day; a day already recorded is replayed.</param>
    /// <param name="cancellationToken">Stops the run; nothing is published or acknowledged then.</param>
    /// <exception cref="NuuValidationException">The written file does not pass the schema (a bug of the export): nothing was published.</exception>
    /// <exception cref="InvalidOperationException">The day is earlier than the last recorded run's.</exception>
    public async Task<ExportRunReport> RunAsync(DateOnly? date = null, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(Outbox);
        var state = ExportState.Load(options.Directory) ?? await CreateStateAsync(cancellationToken).ConfigureAwait(false);
        var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), options.TimeZone).DateTime);

        var recorded = state.Runs.FindLast(r => r.Date == day);
        if (recorded is not null)
        {
            return await ReplayAsync(state, recorded, cancellationToken).ConfigureAwait(false);
        }

        if (state.Runs.Count > 0 && state.Runs[^1].Date > day)
        {
            throw new InvalidOperationException(
                $"The last recorded export is for {state.Runs[^1].Date:yyyy-MM-dd}; an export for the earlier day {day:yyyy-MM-dd} would take changes of a later day.");
        }

        state = await FinishAcknowledgementAsync(state, cancellationToken).ConfigureAwait(false);
        return await ExportNewAsync(state, day, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ExportRunReport> ExportNewAsync(ExportState state, DateOnly day, CancellationToken cancellationToken)
    {
        var sequence = state.Runs.Count + 1;
        var fileName = string.Create(CultureInfo.InvariantCulture, $"nuu-{day:yyyyMMdd}-{sequence:D4}.xml");
        var after = state.NextAfter;
        var header = new NuuFileHeader(day, sequence, after);

        // The state, not the hub's checkpoint, says where the run starts (ExportState). From 0,
        // only a never-acknowledged reader starts at the beginning (ReplayReader).
        var subscription = after > 0
            ? client.Subscribe(new FeedSubscriptionOptions
            {
                SubscriptionId = options.SubscriptionId,
                StartAfterChangeSeq = after,
                StopWhenCaughtUp = true,
                // Nothing is acknowledged while reading nor when a failed run lets go of the
                // subscription: only once the file is published and recorded.
                AcknowledgeAutomatically = false,
            })
            : null;
        try
        {
            var reached = new StrongBox<long>(after);
            var changes = subscription?.ReadAllAsync(cancellationToken)
                ?? ReplayReader.ReadAsync(client, ReaderId, after, long.MaxValue, reached, cancellationToken);
            if (options.Progress is { } progress)
            {
                changes = Reporting(changes, after, await HeadAsync(cancellationToken).ConfigureAwait(false), progress, cancellationToken);
            }

            var resend = await RejectedCreationsAsync(cancellationToken).ConfigureAwait(false);
            var written = await ExportFileBuilder.WriteAsync(
                TemporaryPath(fileName), header, changes, () => subscription?.Position ?? reached.Value, options.TimeZone, resend, cancellationToken)
                .ConfigureAwait(false);
            var report = Report(day, fileName, after, written, replayed: false, note: null);
            Publish(written.TemporaryPath, fileName, report);

            var record = new ExportRunRecord
            {
                Date = day,
                Sequence = sequence,
                FileName = fileName,
                AfterChangeSeq = after,
                ThroughChangeSeq = written.Through,
                Demandes = report.Demandes,
                Sha256 = written.Sha256,
            };
            state.Runs.Add(record);
            state.Save(options.Directory);
            ExportLog.Published(logger, fileName, after, written.Through, report.Demandes, report.Skipped.Count);
            if (report.Skipped.Count(s => s.Category == ExportSkip.NotExpressible) is > 0 and var unexpressed)
            {
                ExportLog.NotExpressible(logger, fileName, unexpressed);
            }

            if (options.BeforeAcknowledge is { } hook)
            {
                await hook().ConfigureAwait(false);
            }

            await FinishAcknowledgementAsync(state, cancellationToken).ConfigureAwait(false);
            return report;
        }
        finally
        {
            if (subscription is not null)
            {
                await subscription.DisposeAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task<ExportRunReport> ReplayAsync(ExportState state, ExportRunRecord recorded, CancellationToken cancellationToken)
    {
        var header = new NuuFileHeader(recorded.Date, recorded.Sequence, recorded.AfterChangeSeq);
        var changes = ReplayReader.ReadAsync(client, ReaderId, recorded.AfterChangeSeq, recorded.ThroughChangeSeq, new StrongBox<long>(0), cancellationToken);
        var written = await ExportFileBuilder.WriteAsync(
            TemporaryPath(recorded.FileName), header, changes, () => recorded.ThroughChangeSeq, options.TimeZone, new HashSet<string>(), cancellationToken).ConfigureAwait(false);

        var published = Path.Combine(Outbox, recorded.FileName);
        string? note = null;
        if (written.Sha256 == recorded.Sha256 || !File.Exists(published))
        {
            // Same bytes (or the published file was lost): the regenerated file takes its place.
            var report = Report(recorded.Date, recorded.FileName, recorded.AfterChangeSeq, written, replayed: true, note: null);
            Publish(written.TemporaryPath, recorded.FileName, report);
            if (written.Sha256 != recorded.Sha256)
            {
                ReplaceRecord(state, recorded, recorded with { Sha256 = written.Sha256, Demandes = report.Demandes });
            }
        }
        else
        {
            // Each change carries its application's state at delivery, so a range read again
            // later may say more recent things: the file already published is the one that counts.
            File.Delete(written.TemporaryPath);
            note = "the range read again differs from the published file (applications changed since); the published file is kept";
        }

        ExportLog.Replayed(logger, recorded.FileName, recorded.AfterChangeSeq, recorded.ThroughChangeSeq, note is null ? "same file" : "published file kept, the range now reads differently");
        await FinishAcknowledgementAsync(state, cancellationToken).ConfigureAwait(false);
        return Report(recorded.Date, recorded.FileName, recorded.AfterChangeSeq, written, replayed: true, note) with
        {
            Sha256 = note is null ? written.Sha256 : recorded.Sha256,
        };
    }

    /// <summary>
    /// The feed's head now: the listing's consistent position (one application read). The range to
    /// the head is the progress bar's total; changes that come in while reading make it overrun,
    /// which the bar shows as 100 % until the end.
    /// </summary>
    private async Task<long> HeadAsync(CancellationToken cancellationToken) =>
        (await client.Registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 }, cancellationToken: cancellationToken).ConfigureAwait(false)).ChangeSeq;

    private static async IAsyncEnumerable<Change> Reporting(
        IAsyncEnumerable<Change> changes, long after, long head, IProgress<ExchangeProgress> progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var total = Math.Max(0, head - after);
        await foreach (var change in changes.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            progress.Report(new("export", Math.Min(change.ChangeSeq - after, Math.Max(total - 1, 0)), total));
            yield return change;
        }

        progress.Report(new("export", total, total));
    }

    /// <summary>
    /// The numbers whose creation the national registry rejected and that are still
    /// open at the hub: a correction of one of them goes as a CRE again (the
    /// national side never took the number, so a MOD would be rejected too).
    /// </summary>
    private async Task<HashSet<string>> RejectedCreationsAsync(CancellationToken cancellationToken)
    {
        var national = new NationalExchangeService.NationalExchangeServiceClient(client.CallInvoker);
        var numbers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var rejection in Import.NationalRejections.ListOpenAsync(national, cancellationToken).ConfigureAwait(false))
        {
            if (rejection.NationalType == "CRE")
            {
                numbers.Add(Import.NationalRejections.NumberOf(rejection.Name));
            }
        }

        return numbers;
    }

    /// <summary>Acknowledges a recorded run the hub was not told of (a crash between the record and the acknowledgement).</summary>
    private async Task<ExportState> FinishAcknowledgementAsync(ExportState state, CancellationToken cancellationToken)
    {
        for (var i = 0; i < state.Runs.Count; i++)
        {
            var run = state.Runs[i];
            if (run.Acknowledged || run.ThroughChangeSeq == 0)
            {
                continue;
            }

            // The hub never moves a checkpoint back, so acknowledging an older position is harmless.
            await client.Feed.AcknowledgeAsync(
                new AcknowledgeRequest { SubscriptionId = options.SubscriptionId, ChangeSeq = run.ThroughChangeSeq },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            state.Runs[i] = run with { Acknowledged = true };
            state.Save(options.Directory);
            ExportLog.Acknowledged(logger, run.FileName, run.ThroughChangeSeq);
        }

        return state;
    }

    private async Task<ExportState> CreateStateAsync(CancellationToken cancellationToken)
    {
        long origin;
        try
        {
            var subscription = await client.Feed.GetSubscriptionAsync(
                new GetSubscriptionRequest { SubscriptionId = options.SubscriptionId }, cancellationToken: cancellationToken).ConfigureAwait(false);
            origin = subscription.CheckpointChangeSeq;
        }
        catch (NotFoundException)
        {
            origin = 0;
        }

        // Recorded before the first read, so that the first run's start is known even if it fails.
        var state = new ExportState { OriginChangeSeq = origin };
        state.Save(options.Directory);
        return state;
    }

    private void Publish(string temporaryPath, string fileName, ExportRunReport report)
    {
        // The rename is atomic within the folder: a reader of outbox/ sees the whole file or none,
        // and a rerun after a crash before the record replaces an unrecorded file of the same name.
        File.Move(temporaryPath, Path.Combine(Outbox, fileName), overwrite: true);
        var reportPath = Path.Combine(Outbox, fileName + ".report.json");
        var reportTemporary = TemporaryPath(fileName + ".report.json");
        using (var stream = PrivateFile.Create(reportTemporary))
        {
            stream.Write(JsonSerializer.SerializeToUtf8Bytes(report, ReportJson));
            stream.Flush(flushToDisk: true);
        }

        File.Move(reportTemporary, reportPath, overwrite: true);
    }

    private static readonly JsonSerializerOptions ReportJson = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>The never-acknowledged subscription id of <see cref="ReplayReader"/>.</summary>
    private string ReaderId => options.SubscriptionId + "-reader";

    private string TemporaryPath(string fileName) => Path.Combine(Outbox, "." + fileName + ".tmp");

    private static ExportRunReport Report(DateOnly day, string fileName, long after, WrittenFile written, bool replayed, string? note) => new()
    {
        Date = day,
        FileName = fileName,
        AfterChangeSeq = after,
        ThroughChangeSeq = written.Through,
        DemandesByType = written.DemandesByType,
        Skipped = written.Skipped,
        Sha256 = written.Sha256,
        Replayed = replayed,
        ReplayNote = note,
    };

    private void ReplaceRecord(ExportState state, ExportRunRecord old, ExportRunRecord updated)
    {
        state.Runs[state.Runs.IndexOf(old)] = updated;
        state.Save(options.Directory);
    }
}
