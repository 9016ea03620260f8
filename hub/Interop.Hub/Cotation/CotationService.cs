using System.Text;
using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;
using Interop.Hub.Idempotency;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Cotation;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Cotation;

/// <summary>
/// Cotation (interop.v1.CotationService): maps requests, lets the pure core load grids, score and rank,
/// maps back. Grids and validations are written through <see cref="IdempotentWriter"/>. Split by group
/// of methods: grids here, scores in CotationService.Scores.cs.
/// </summary>
internal sealed partial class CotationService(
    RegistryDatabase database,
    CotationStore store,
    GridCatalog catalog,
    ApplicationStore applications,
    OrganizationStore organizations,
    AuditTrail audit,
    IdempotentWriter writer,
    ApplicationWriter applicationWriter,
    StoredScores storedScores,
    ScoreStore scores,
    RescoringStore rescorings,
    RescoringSignal rescoringSignal,
    EpciDirectory epcis,
    TimeProvider time) : V1.CotationService.CotationServiceBase
{
    public override Task<V1.GridOwnership> GrantGridOwnership(V1.GrantGridOwnershipRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        if (string.IsNullOrEmpty(request.OrganizationId))
        {
            violations.Add("organization_id", "is required.");
        }

        if (request.Epci.Length != 9 || !request.Epci.All(char.IsAsciiDigit))
        {
            violations.Add("epci", "must be the EPCI's SIREN: 9 digits.");
        }

        violations.ThrowIfAny();
        var principal = context.Caller();
        if (!AccessPolicy.CanAdminister(principal.Organization))
        {
            throw Denials.NotAllowed(principal, "grant the ownership of grids");
        }

        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            context.Method,
            request,
            async (transaction, now, token) =>
            {
                _ = await organizations.GetAsync(transaction, request.OrganizationId, token)
                    ?? throw new NotFoundException("interop.v1.Organization", "organizations/" + request.OrganizationId);
                var granted = await store.GrantOwnershipAsync(transaction, request.OrganizationId, request.Epci, now, token);
                return new V1.GridOwnership
                {
                    OrganizationId = request.OrganizationId,
                    Epci = request.Epci,
                    GrantTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.SpecifyKind(granted, DateTimeKind.Utc)),
                };
            },
            context.CancellationToken);
    }

    public override async Task<V1.GridVersion> PublishGridVersion(V1.PublishGridVersionRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        if (request.GridJson.Length == 0)
        {
            violations.Add("grid_json", "is required: the grid file, JSON (protos/cotation/grid.schema.json).");
        }

        violations.ThrowIfAny();

        // The file is checked before anything is read or written: a refused file stores nothing.
        var grid = GridLoader.Load(Encoding.UTF8.GetBytes(request.GridJson), epcis);
        var principal = context.Caller();
        var published = await writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            context.Method,
            request,
            async (transaction, now, token) =>
            {
                if (!await store.OwnsAsync(transaction, principal.OrganizationId, grid.Epci, token))
                {
                    throw Denials.NotAllowed(principal, $"publish grids of EPCI {grid.Epci}");
                }

                await store.LockGridAsync(transaction, grid.GridId, token);
                await store.LockPublicationsAsync(transaction, exclusive: true, token);
                var published = await catalog.FindAsync(transaction, grid.GridId, token);
                // Refuses overlaps and a grid id already used by another EPCI, before anything is written.
                var versions = published is null ? Core.Cotation.Grids.GridVersions.Of(grid) : published.With(grid);
                var row = new GridVersionRow
                {
                    GridId = grid.GridId,
                    Version = grid.Version,
                    Epci = grid.Epci,
                    Title = grid.Title,
                    ValidFrom = grid.ValidFrom,
                    ValidUntil = grid.ValidUntil,
                    GridJson = request.GridJson,
                    PublisherId = principal.OrganizationId,
                    PublishedAt = now.UtcDateTime,
                };
                await store.InsertVersionAsync(transaction, row, token);

                // The territory is rescored after the commit by the rescoring job, a page per transaction: a
                // territory (280 000 applications for Paris) is never held in one transaction nor in a call.
                // Until a row is rescored, reads leave it out and count it (its version or fresh_until no
                // longer serves); a version starting later is taken on its first day (ScoreFreshness).
                await storedScores.RequestTerritoryAsync(transaction, grid.GridId, token);
                return CotationMapper.ToProto(row);
            },
            context.CancellationToken);
        rescoringSignal.Requested.Pulse();
        return published;
    }

    public override async Task<V1.ListGridVersionsResponse> ListGridVersions(V1.ListGridVersionsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var gridId = GridName.Parse(request.Parent, "parent", violations);
        violations.ThrowIfAny();

        // Grids are public (the PPGD publishes them): any member of the shared file reads them.
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var rows = await store.ListVersionsAsync(connection, gridId, withJson: false, context.CancellationToken);
        if (rows.Count == 0)
        {
            throw new NotFoundException("interop.v1.GridVersion", GridName.Of(gridId));
        }

        return new V1.ListGridVersionsResponse { GridVersions = { rows.Select(CotationMapper.ToProto) } };
    }
}
