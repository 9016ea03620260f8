using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;
using Interop.Hub.Idempotency;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Access;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Admin;

/// <summary>Organisations and their keys (interop.v1.AdminService). Hub administrators only.</summary>
internal sealed partial class AdminService(
    RegistryDatabase database, OrganizationStore organizations, ApiKeyStore keys, IdempotentWriter writer, TimeProvider time,
    ILogger<AdminService> logger) : V1.AdminService.AdminServiceBase
{
    private const string OrganizationType = "interop.v1.Organization";
    private const string ApiKeyType = "interop.v1.ApiKey";

    private static readonly HashSet<string> UpdatableFields = ["display_name", "territory", "stock_commune_codes", "registering_desks"];

    public override async Task<V1.Organization> CreateOrganization(V1.CreateOrganizationRequest request, ServerCallContext context)
    {
        var caller = RequireAdministrator(context);
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        if (request.Organization is null)
        {
            violations.Add("organization", "The organisation to create is required.");
            violations.ThrowIfAny();
        }

        var id = request.Organization!.OrganizationId.Trim();
        OrganizationValidator.ValidateId(id, "organization.organization_id", violations);
        var organization = OrganizationMapper.ToDomain(request.Organization, id, DateTimeOffset.MinValue);
        OrganizationValidator.Validate(organization, "organization", violations);
        violations.ThrowIfAny();

        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(CreateOrganization), request,
            async (transaction, now, token) =>
            {
                var created = organization with { CreatedAt = now, Revision = 1 };
                await RequireFreeDesksAsync(transaction, created, token);
                if (!await organizations.InsertAsync(transaction, created, token))
                {
                    throw new AlreadyExistsException(
                        ErrorReasons.OrganizationExists, OrganizationMapper.ResourceName(id), $"Organisation {id} already exists.");
                }

                AdminLog.OrganizationCreated(logger, id, created.Kind);
                return OrganizationMapper.ToProto(created);
            },
            context.CancellationToken);
    }

    public override async Task<V1.Organization> GetOrganization(V1.GetOrganizationRequest request, ServerCallContext context)
    {
        RequireAdministrator(context);
        var id = OrganizationIdOf(request.Name, "name");
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var organization = await organizations.GetAsync(connection, id, context.CancellationToken)
            ?? throw new NotFoundException(OrganizationType, OrganizationMapper.ResourceName(id));
        return OrganizationMapper.ToProto(organization);
    }

    public override async Task<V1.ListOrganizationsResponse> ListOrganizations(V1.ListOrganizationsRequest request, ServerCallContext context)
    {
        RequireAdministrator(context);
        var violations = new Violations();
        var pageSize = RequestRules.PageSize(request.PageSize, 50, 500, violations);
        string? after = null;
        if (request.PageToken.Length > 0)
        {
            after = PageTokens.Read(request.PageToken, "organizations");
            if (after is null || !OrganizationValidator.IsId(after))
            {
                violations.Add("page_token", "is not a token of this listing.");
            }
        }

        violations.ThrowIfAny();
        await using var connection = await database.OpenAsync(context.CancellationToken);
        var page = await organizations.ListAsync(connection, after, pageSize + 1, context.CancellationToken);
        var response = new V1.ListOrganizationsResponse { Organizations = { page.Take(pageSize).Select(OrganizationMapper.ToProto) } };
        if (page.Count > pageSize)
        {
            response.NextPageToken = PageTokens.Write(page[pageSize - 1].Id, "organizations");
        }

        return response;
    }

    public override async Task<V1.Organization> UpdateOrganization(V1.UpdateOrganizationRequest request, ServerCallContext context)
    {
        var caller = RequireAdministrator(context);
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var id = "";
        if (request.Organization is null)
        {
            violations.Add("organization", "The organisation with its name and new values is required.");
        }
        else
        {
            id = OrganizationIdOf(request.Organization.Name, "organization.name", violations);
        }

        var paths = WellKnownTypes.MaskPaths(request.UpdateMask, "update_mask", UpdatableFields, required: true, violations);
        violations.ThrowIfAny();

        // The named fields are checked before the transaction, so a bad value
        // is refused without reading the organisation; the whole organisation
        // is checked again once merged (desks against its kind).
        var incoming = OrganizationMapper.ToDomain(request.Organization!, id, DateTimeOffset.MinValue);
        OrganizationValidator.ValidateFields(incoming, "organization", paths, violations);
        violations.ThrowIfAny();

        return await writer.RunAsync(
            caller.OrganizationId, request.RequestId, nameof(UpdateOrganization), request,
            async (transaction, now, token) =>
            {
                var current = await organizations.GetForUpdateAsync(transaction, id, token)
                    ?? throw new NotFoundException(OrganizationType, OrganizationMapper.ResourceName(id));
                if (current.Revision != request.ExpectedRevision)
                {
                    throw new RevisionMismatchException(OrganizationMapper.ResourceName(id), request.ExpectedRevision, current.Revision);
                }

                var changed = current with
                {
                    DisplayName = paths.Contains("display_name") ? incoming.DisplayName : current.DisplayName,
                    Territory = paths.Contains("territory") ? incoming.Territory : current.Territory,
                    StockCommuneCodes = paths.Contains("stock_commune_codes") ? incoming.StockCommuneCodes : current.StockCommuneCodes,
                    RegisteringDesks = paths.Contains("registering_desks") ? incoming.RegisteringDesks : current.RegisteringDesks,
                    Revision = current.Revision + 1,
                };
                var checks = new Violations();
                OrganizationValidator.Validate(changed, "organization", checks);
                checks.ThrowIfAny();
                await RequireFreeDesksAsync(transaction, changed, token);
                await organizations.UpdateAsync(transaction, changed, token);
                return OrganizationMapper.ToProto(changed);
            },
            context.CancellationToken);
    }

    private Principal RequireAdministrator(ServerCallContext context)
    {
        var caller = context.Caller();
        return AccessPolicy.CanAdminister(caller.Organization)
            ? caller
            : throw Denials.NotAllowed(caller, "manage organisations and keys");
    }

    private async Task RequireFreeDesksAsync(Npgsql.NpgsqlTransaction transaction, Organization organization, CancellationToken token)
    {
        var taken = await organizations.DeskOwnersAsync(transaction, organization.RegisteringDesks, organization.Id, token);
        if (taken.Count > 0)
        {
            throw new AlreadyExistsException(
                ErrorReasons.DeskTaken,
                OrganizationMapper.ResourceName(taken[0].OrganizationId),
                $"Desk {taken[0].Desk} already belongs to organisation {taken[0].OrganizationId}.");
        }
    }

    private static string OrganizationIdOf(string name, string field)
    {
        var violations = new Violations();
        var id = OrganizationIdOf(name, field, violations);
        violations.ThrowIfAny();
        return id;
    }

    private static string OrganizationIdOf(string name, string field, Violations violations)
    {
        const string prefix = "organizations/";
        var id = name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : "";
        OrganizationValidator.ValidateId(id, field, violations);
        return id;
    }
}
