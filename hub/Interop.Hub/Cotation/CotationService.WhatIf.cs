using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Scoring;
using Interop.Hub.Core.Cotation.WhatIf;
using Npgsql;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Cotation;

internal sealed partial class CotationService
{
    /// <summary>Size of the CSV pieces streamed after the summary: well under gRPC's default 4 MiB message limit.</summary>
    public const int CsvChunkBytes = 64 * 1024;

    /// <summary>
    /// The most active applications one run compares: each is kept as a few numbers (no household) until the
    /// ranks are known, about 0.5 KB apiece. Paris, the largest territory, has about 280 000.
    /// </summary>
    public const int MaxDraftStock = 300_000;

    /// <summary>Applications read and scored per page of a run.</summary>
    public const int DraftPage = 1_000;

    public override async Task RunDraftGrid(V1.RunDraftGridRequest request, IServerStreamWriter<V1.RunDraftGridResponse> responseStream, ServerCallContext context)
    {
        var violations = new Violations();
        if (request.GridJson.Length == 0)
        {
            violations.Add("grid_json", "is required: the draft grid file, JSON (protos/cotation/grid.schema.json).");
        }

        var asked = DateMapping.ToDateOnly(request.Day, "day", violations);
        violations.ThrowIfAny();

        var draft = GridLoader.Load(Encoding.UTF8.GetBytes(request.GridJson), epcis);
        var principal = context.Caller();
        var day = asked ?? FrenchCalendar.Today(time);
        var token = context.CancellationToken;
        await using var connection = await database.OpenAsync(token);
        if (!await store.OwnsAsync(connection, principal.OrganizationId, draft.Epci, token))
        {
            throw Denials.NotAllowed(principal, $"run draft grids of EPCI {draft.Epci}");
        }

        var versions = await catalog.GetAsync(connection, draft.GridId, token);
        if (versions.Epci != draft.Epci)
        {
            throw new ValidationException("grid_json", $"grid '{draft.GridId}' belongs to EPCI {versions.Epci}, not {draft.Epci}.");
        }

        var current = GridCatalog.InForce(versions, day);
        var (inputs, readable) = await DraftInputsAsync(connection, principal, versions, current, draft, day, token);
        var report = DraftComparison.Run(inputs, current, draft, day);

        // The numbers shown are reads of the applications: recorded before they leave the hub.
        await AuditReadsAsync(connection, context, principal, report.Rows.Where(row => readable.Contains(row.Number)).Select(row => row.Number).ToList());
        await responseStream.WriteAsync(new V1.RunDraftGridResponse { Summary = CotationMapper.ToProto(report) }, token);
        var chunk = new MemoryStream(CsvChunkBytes + 256);
        foreach (var line in DraftReportCsv.Lines(report, readable.Contains))
        {
            var bytes = Encoding.UTF8.GetBytes(line + "\r\n");
            if (chunk.Length + bytes.Length > CsvChunkBytes)
            {
                await responseStream.WriteAsync(new V1.RunDraftGridResponse { CsvChunk = ByteString.CopyFrom(chunk.GetBuffer(), 0, (int)chunk.Length) }, token);
                chunk.SetLength(0);
            }

            chunk.Write(bytes);
        }

        if (chunk.Length > 0)
        {
            await responseStream.WriteAsync(new V1.RunDraftGridResponse { CsvChunk = ByteString.CopyFrom(chunk.GetBuffer(), 0, (int)chunk.Length) }, token);
        }
    }

    /// <summary>
    /// The active stock of both territories, a page at a time: the draft is scored on each application,
    /// the grid in force is read from the stored scores when they serve the day (computed otherwise).
    /// Only the compact inputs stay in memory.
    /// </summary>
    private async Task<(List<DraftInput> Inputs, HashSet<string> Readable)> DraftInputsAsync(
        NpgsqlConnection connection, Principal principal, GridVersions versions, CotationGrid current, CotationGrid draft, DateOnly day, CancellationToken cancellationToken)
    {
        // The draft's territory and the one in force may differ: the stock of both is compared.
        var communes = current.Communes.Union(draft.Communes).ToList();
        // Today's baseline is the stored score where it serves the day; any other row (the rescoring job
        // has not reached it yet) is scored here for this run only: the call writes nothing.
        var stored = day == FrenchCalendar.Today(time);

        var validations = (await store.ListValidationsOfGridAsync(connection, draft.GridId, cancellationToken))
            .GroupBy(row => row.ApplicationNumber)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<CriterionValidation>)g.Select(r => new CriterionValidation(r.CriterionId, r.Role, r.ValidatedBy, r.ValidatedOn)).ToList());
        var inputs = new List<DraftInput>();
        var readable = new HashSet<string>(StringComparer.Ordinal);
        string? after = null;
        while (true)
        {
            var page = await store.ListActiveInTerritoryAsync(connection, communes, after, DraftPage, cancellationToken);
            if (page.Count == 0)
            {
                return (inputs, readable);
            }

            if (inputs.Count + page.Count > MaxDraftStock)
            {
                throw new PreconditionException(ErrorReasons.TooManyCandidates, GridName.Of(draft.GridId), $"More than {MaxDraftStock} active applications in the territories compared: too many for one run.");
            }

            var baseline = stored
                ? (await scores.ListAsync(connection, versions.GridId, page.Select(a => a.Number).ToList(), cancellationToken)).ToDictionary(row => row.ApplicationNumber, StringComparer.Ordinal)
                : [];
            foreach (var application in page)
            {
                if (CotationSubject.Of(application) is not { } subject)
                {
                    continue;
                }

                if (AccessPolicy.CanRead(principal.Organization, application))
                {
                    readable.Add(subject.Number);
                }

                var validated = validations.GetValueOrDefault(subject.Number, []);
                var currentScore = baseline.TryGetValue(subject.Number, out var row) && ScoreFreshness.Serves(row.GridVersion, row.ScoredOn, row.FreshUntil, current, day)
                    ? StoredScoreJson.ToScore(row, day)
                    : CotationScorer.Score(subject, current, day, validated);
                inputs.Add(DraftInput.Of(subject, currentScore, CotationScorer.Score(subject, draft, day, validated)));
            }

            after = page[^1].Number;
        }
    }
}
