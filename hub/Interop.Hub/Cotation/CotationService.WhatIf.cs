using System.Text;
using Google.Protobuf;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Outlook;
using Interop.Hub.Core.Cotation.WhatIf;
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
        // The draft's territory and the one in force may differ: the stock of both is compared.
        var communes = current.Communes.Union(draft.Communes).ToList();
        var stock = await store.ListActiveInTerritoryAsync(connection, communes, token);
        var validations = (await store.ListValidationsOfGridAsync(connection, draft.GridId, token))
            .GroupBy(row => row.ApplicationNumber)
            .ToDictionary(g => g.Key, g => (IReadOnlyCollection<CriterionValidation>)g.Select(r => new CriterionValidation(r.CriterionId, r.Role, r.ValidatedBy, r.ValidatedOn)).ToList());
        var readable = stock.Where(a => AccessPolicy.CanRead(principal.Organization, a)).Select(a => a.Number).ToHashSet(StringComparer.Ordinal);
        var report = DraftComparison.Run(
            stock.Select(a => CotationSubject.Of(a)).OfType<CotationSubject>().Select(s => new ScoredCandidate(s, validations.GetValueOrDefault(s.Number, []))),
            current,
            draft,
            day);

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
}
