using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Audit;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Attributions;

internal sealed partial class AttributionService
{
    private const int DefaultPageSize = 50;
    private const int MaxPageSize = 500;

    public override Task<V1.Proposal> ProposeCandidate(V1.ProposeCandidateRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Parent, "parent", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var proposal = request.Proposal ?? new V1.Proposal();
        if (request.Proposal is null)
        {
            violations.Add("proposal", "is required: the dwelling, its commune, typology and reservation holder.");
        }

        var candidate = AttributionValidator.Candidate(
            proposal.DwellingId,
            proposal.CommuneCode,
            EnumMapping.ToDomain<Typology>((int)proposal.Typology, "proposal.typology", violations),
            EnumMapping.ToDomain<ReservationHolder>((int)proposal.ReservationHolder, "proposal.reservation_holder", violations),
            "proposal",
            violations);
        violations.ThrowIfAny();

        var principal = context.Caller();
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(ProposeCandidate),
            request,
            async (transaction, now, token) =>
            {
                var application = await applicationWriter.LockVisibleAsync(transaction, principal, number, token);
                var leaseHolder = await proposals.LeaseHolderAsync(transaction, number, token);
                var proposed = AttributionPath.Propose(application, principal.Organization, leaseHolder, Guid.CreateVersion7(now), candidate);
                ApplicationWriter.RequireRevision(application, request.ExpectedRevision);

                // The proposal records the application revision its step wrote.
                ProposalRecord Stored(long applicationRevision) =>
                    proposed with { ApplicationRevision = applicationRevision, CreatedAt = now, UpdatedAt = now };
                var written = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, principal, request.RequestId), application, application, ChangeKind.Proposed,
                    state => ProposalMapper.ChangeDetails(Stored(state.Revision)), now, token);
                var stored = Stored(written.Revision);
                await proposals.InsertAsync(transaction, stored, token);
                return ProposalMapper.ToProto(stored);
            },
            context.CancellationToken);
    }

    public override async Task<V1.Proposal> GetProposal(V1.GetProposalRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        var name = ProposalName.Parse(request.Name, "name", violations);
        violations.ThrowIfAny();

        var principal = context.Caller();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        await RequireVisibleAsync(connection, principal, name!.Number, context.CancellationToken);
        var proposal = await proposals.GetAsync(connection, name.Number, name.Id, context.CancellationToken);
        if (proposal is null || !MayReadProposalsOf(principal, proposal.LandlordId))
        {
            // Another landlord's proposal is its own business: the same answer
            // as a missing one, so its existence does not leak.
            throw new NotFoundException("interop.v1.Proposal", name.ToString());
        }

        await AuditReadAsync(connection, context, principal, name.Number);
        return ProposalMapper.ToProto(proposal);
    }

    public override async Task<V1.ListProposalsResponse> ListProposals(V1.ListProposalsRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.ApplicationName(request.Parent, "parent", violations, out var number);
        var pageSize = RequestRules.PageSize(request.PageSize, DefaultPageSize, MaxPageSize, violations);

        Guid? after = null;
        if (request.PageToken.Length > 0)
        {
            if (PageTokens.Read(request.PageToken, "proposals:" + number) is { } last && Guid.TryParse(last, out var id))
            {
                after = id;
            }
            else
            {
                violations.Add("page_token", "is not a token of this listing; send the next_page_token of the previous page with the same parent.");
            }
        }

        violations.ThrowIfAny();

        var principal = context.Caller();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        await RequireVisibleAsync(connection, principal, number, context.CancellationToken);
        var ownOnly = AccessPolicy.NominativeReadScope(principal.Organization).All ? null : principal.OrganizationId;
        var page = await proposals.ListAsync(connection, number, ownOnly, after, pageSize + 1, context.CancellationToken);
        await AuditReadAsync(connection, context, principal, number);

        var response = new V1.ListProposalsResponse { Proposals = { page.Take(pageSize).Select(ProposalMapper.ToProto) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Write(page[pageSize - 1].Id.ToString(), "proposals:" + number);
        }

        return response;
    }

    /// <summary>
    /// A landlord's proposals and decisions are its own (protos/README.md,
    /// "Who owns which fields"); organisations that read every application
    /// (the national exchange reports attributions) read them all.
    /// </summary>
    private static bool MayReadProposalsOf(Principal principal, string landlordId) =>
        principal.OrganizationId == landlordId || AccessPolicy.NominativeReadScope(principal.Organization).All;

    private async Task RequireVisibleAsync(Npgsql.NpgsqlConnection connection, Principal principal, string number, CancellationToken cancellationToken)
    {
        var application = await applications.GetAsync(connection, number, cancellationToken);
        if (application is null || !AccessPolicy.CanRead(principal.Organization, application))
        {
            throw Denials.ApplicationNotVisible(principal, ApplicationMapper.ResourceName(number));
        }
    }

    private Task AuditReadAsync(Npgsql.NpgsqlConnection connection, ServerCallContext context, Principal principal, string number) =>
        audit.AppendAsync(
            connection,
            [new AuditEntry(principal.OrganizationId, principal.KeyId, number, context.Method, AuditTrail.Read, context.PeerAddress())],
            time.GetUtcNow(),
            context.CancellationToken);
}
