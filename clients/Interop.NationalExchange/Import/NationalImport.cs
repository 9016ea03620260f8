using Interop.Client;
using Interop.Contracts.V1;
using Interop.NationalExchange.Export;
using Interop.NationalExchange.Returns;
using Interop.NationalExchange.Schema;
using Interop.NationalExchange.State;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Interop.NationalExchange.Import;

/// <summary>
/// Applies the national registry's return files to the hub, as the
/// <c>national-exchange</c> organisation: acknowledgements resolve the open
/// rejections of earlier revisions, rejected lines are recorded against their
/// application (visible to its registering organisation), and radiations
/// decided elsewhere radiate the application here, and DALO decisions set the
/// household's DALO status, both of which every subscribed ERP then receives
/// through the feed.
/// <para>
/// A file is validated whole against <see cref="ReturnSchema"/> first (a
/// streaming pass): an invalid file applies nothing. It is then read again line
/// by line. Every call's request id is derived from the file's identity and the
/// line (<see cref="RequestIds"/>), a radiation is sent with the revision just
/// read and only to an active application, and a rejection is unique per export
/// line at the hub: a file applied twice, or again after a crash in its middle,
/// changes nothing the second time and loses nothing.
/// </para>
/// </summary>
public sealed class NationalImport
{
    private readonly InteropClient client;
    private readonly NationalExchangeService.NationalExchangeServiceClient national;
    private readonly DaloDecisionImport daloDecisions;
    private readonly ImportOptions options;
    private readonly ILogger logger;

    /// <summary>Creates the import over a client holding a key of the national-exchange organisation.</summary>
    /// <param name="client">The hub's client.</param>
    /// <param name="options">The exchange folder; <see cref="ImportOptions.Directory"/> is required.</param>
    public NationalImport(InteropClient client, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory);
        this.client = client;
        this.options = options;
        national = new NationalExchangeService.NationalExchangeServiceClient(client.CallInvoker);
        daloDecisions = new DaloDecisionImport(client, national);
        logger = (options.LoggerFactory ?? NullLoggerFactory.Instance).CreateLogger("Interop.NationalExchange");
    }

    /// <summary>Imports one return file.</summary>
    /// <param name="path">The return file.</param>
    /// <param name="cancellationToken">Stops between lines; a rerun finishes the file.</param>
    /// <exception cref="NuuValidationException">The file does not validate against the return schema, or its lines do not match the control counts of its <c>pied</c>: nothing was applied.</exception>
    public async Task<ImportReport> ImportAsync(string path, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(options.Directory);
        var fileName = Path.GetFileName(path);
        var errors = ReturnSchema.ValidateFile(path);
        long total = 0;
        if (errors.Count == 0 && ReturnFileReader.CountsMismatch(path, out total) is { } mismatch)
        {
            errors = [mismatch];
        }

        if (errors.Count > 0)
        {
            throw new NuuValidationException(fileName, errors, "the return file schema (interface-nuu-retour-v1.xsd)");
        }

        var sha = await ExportFileBuilder.Sha256Async(path, cancellationToken).ConfigureAwait(false);
        var state = ImportState.Load(options.Directory);
        using var reader = ReturnFileReader.Open(path);
        var header = reader.Header;
        var done = state.Files.Find(f => f.Identity == header.Identity && f.Sha256 == sha);
        if (done is not null)
        {
            ImportLog.AlreadyImported(logger, fileName);
            return new ImportReport { FileName = fileName, Identity = header.Identity, Sha256 = sha, ExportFile = header.FichierTraite, AlreadyImported = true };
        }

        if (header.RejetFichier is { } refused)
        {
            ImportLog.ExportRefused(logger, header.FichierTraite ?? "");
        }

        using var ledger = NationalLedger.Open(options.Directory);
        ledger.Begin();
        var open = await OpenRejectionsAsync(cancellationToken).ConfigureAwait(false);
        var run = new ImportRun();
        foreach (var line in reader.Lines())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (line)
            {
                case Acquittement a:
                    await AcknowledgeAsync(header, a, open, ledger, run, cancellationToken).ConfigureAwait(false);
                    break;
                case Rejet r:
                    await RecordRejectionAsync(header, r, run, cancellationToken).ConfigureAwait(false);
                    break;
                case RadiationAilleurs radiation:
                    ledger.Record(radiation.Number, new NationalEntry("RAD", radiation.Motif, 0));
                    await RadiateAsync(header, fileName, radiation, run, cancellationToken).ConfigureAwait(false);
                    break;
                case DecisionDalo decision:
                    await daloDecisions.ApplyAsync(header, fileName, decision, run, cancellationToken).ConfigureAwait(false);
                    break;
            }

            run.Lines++;
            options.Progress?.Report(new("import", run.Lines, total));
            if (options.AfterLine is { } hook)
            {
                await hook(line.Position).ConfigureAwait(false);
            }
        }

        // The ledger and the record of the file are written once the whole file is applied:
        // a crash before leaves both as they were, and the rerun applies the file again.
        ledger.Commit();
        state.Files.Add(new ImportedFile(fileName, header.Identity, sha, header.FichierTraite, run.Lines));
        state.Save(options.Directory);
        var report = new ImportReport
        {
            FileName = fileName,
            Identity = header.Identity,
            Sha256 = sha,
            ExportFile = header.FichierTraite,
            ExportFileRefused = header.RejetFichier is { } r2 ? $"{r2.Code}: {r2.Libelle}" : null,
            Acknowledged = run.Acknowledged,
            Rejected = run.Rejected,
            Resolved = run.Resolved,
            RadiatedHere = run.RadiatedHere,
            RadiationsAlreadyApplied = run.AlreadyRadiated,
            DaloDecisionsApplied = run.DaloDecided,
            DaloDecisionsAlreadyApplied = run.DaloAlreadyDecided,
            Issues = run.Issues,
        };
        ImportLog.Imported(logger, fileName, report.Acknowledged, report.Rejected, report.Resolved, report.RadiatedHere, report.Issues.Count);
        return report;
    }

    /// <summary>The hub's open rejections, by number: the lowest rejected revision of each.</summary>
    internal async Task<Dictionary<string, long>> OpenRejectionsAsync(CancellationToken cancellationToken)
    {
        var open = new Dictionary<string, long>(StringComparer.Ordinal);
        await foreach (var rejection in NationalRejections.ListOpenAsync(national, cancellationToken).ConfigureAwait(false))
        {
            var number = NationalRejections.NumberOf(rejection.Name);
            open[number] = open.TryGetValue(number, out var known) ? Math.Min(known, rejection.RejectedRevision) : rejection.RejectedRevision;
        }

        return open;
    }

    private async Task AcknowledgeAsync(
        ReturnFileHeader header, Acquittement a, Dictionary<string, long> open, NationalLedger ledger, ImportRun run, CancellationToken cancellationToken)
    {
        run.Acknowledged++;
        ledger.Record(a.Number, new NationalEntry(a.Statut, a.Motif, a.Revision));
        if (!open.TryGetValue(a.Number, out var rejected) || rejected > a.Revision)
        {
            return;
        }

        try
        {
            var response = await national.ResolveNationalRejectionsAsync(
                new ResolveNationalRejectionsRequest
                {
                    RequestId = RequestIds.For(header.Identity, a.Position, "resolve"),
                    Parent = "applications/" + a.Number,
                    AcknowledgedRevision = a.Revision,
                    ReturnFile = header.Identity,
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            run.Resolved += response.Resolved.Count;
            open.Remove(a.Number);
        }
        catch (NotFoundException)
        {
            run.Issues.Add(new ImportIssue(a.Position, a.Number, "acquittement", "the application is not in the hub"));
        }
    }

    private async Task RecordRejectionAsync(ReturnFileHeader header, Rejet r, ImportRun run, CancellationToken cancellationToken)
    {
        if (header.FichierTraite is null)
        {
            run.Issues.Add(new ImportIssue(r.Position, r.Number, "rejet", "a rejected line in a return that names no export file"));
            return;
        }

        try
        {
            await national.RecordNationalRejectionAsync(
                new RecordNationalRejectionRequest
                {
                    RequestId = RequestIds.For(header.Identity, r.Position, "reject"),
                    Parent = "applications/" + r.Number,
                    Rejection = new NationalRejection
                    {
                        NationalType = r.TypeFichier,
                        ControlCode = r.CodeControle,
                        Message = r.Libelle,
                        RejectedRevision = r.Revision,
                        ExportFile = header.FichierTraite,
                        LineNumber = r.NumeroOrdre,
                        // The file's identity, not its name on disk: the request id is derived from it, so a
                        // return file rerun under another name after a crash must send the same request.
                        ReturnFile = header.Identity,
                    },
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            run.Rejected++;
        }
        catch (NotFoundException)
        {
            run.Issues.Add(new ImportIssue(r.Position, r.Number, "rejet", "the application is not in the hub"));
        }
    }

    private async Task RadiateAsync(ReturnFileHeader header, string fileName, RadiationAilleurs radiation, ImportRun run, CancellationToken cancellationToken)
    {
        var reason = ReturnCodes.Reason(radiation.Motif);
        Application current;
        try
        {
            current = await client.Registry.GetApplicationAsync(
                new GetApplicationRequest { Name = "applications/" + radiation.Number }, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (NotFoundException)
        {
            run.Issues.Add(new ImportIssue(radiation.Position, radiation.Number, "radiation", "radiated elsewhere, unknown here"));
            return;
        }

        if (current.Status != ApplicationStatus.Active)
        {
            // A rerun finds its own radiation: applied already. Another status is a disagreement to report.
            if (current.Status == ApplicationStatus.Radiated && current.Radiation?.Reason == reason)
            {
                run.AlreadyRadiated++;
            }
            else
            {
                run.Issues.Add(new ImportIssue(radiation.Position, radiation.Number, "radiation",
                    $"radiated elsewhere ({radiation.Motif}) but {current.Status} here{(current.Radiation is { } here ? " (" + here.Reason + ")" : "")}: not applied"));
            }

            return;
        }

        try
        {
            await national.RecordNationalRadiationAsync(
                new RecordNationalRadiationRequest
                {
                    RequestId = RequestIds.For(header.Identity, radiation.Position, "radiate"),
                    Name = current.Name,
                    ExpectedRevision = current.Revision,
                    Reason = reason,
                    InadmissibilityReason = ReturnCodes.SubReason(radiation.SousMotif),
                    RadiationDate = new Google.Type.Date { Year = radiation.DateRadiation.Year, Month = radiation.DateRadiation.Month, Day = radiation.DateRadiation.Day },
                    NationalReference = $"{fileName} line {radiation.Position}",
                },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            run.RadiatedHere++;
        }
        catch (RevisionMismatchException)
        {
            // Changed here between the read and the radiation: the next run reads it again.
            run.Issues.Add(new ImportIssue(radiation.Position, radiation.Number, "radiation", "changed here while importing: import the file again"));
        }
        catch (PreconditionFailedException e)
        {
            run.Issues.Add(new ImportIssue(radiation.Position, radiation.Number, "radiation", e.Message));
        }
    }
}
