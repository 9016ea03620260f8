using System.Text.Json;
using Dapper;
using Interop.Hub.Core.Access;
using Npgsql;

namespace Interop.Hub.Storage.Access;

/// <summary>Reads and writes organisations and their desks. The caller owns the transaction.</summary>
public sealed class OrganizationStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const string Select = """
        SELECT o.organization_id, o.display_name, o.kind, o.territory::text AS territory, o.stock_commune_codes,
               coalesce((SELECT array_agg(d.desk ORDER BY d.desk) FROM registering_desks d WHERE d.organization_id = o.organization_id), '{}') AS desks,
               o.revision, o.created_at
        FROM organizations o
        """;

    public Task<Organization?> GetAsync(NpgsqlConnection connection, string organizationId, CancellationToken cancellationToken) =>
        GetAsync(connection, null, organizationId, cancellationToken);

    /// <summary>
    /// An API key and the organisation it belongs to, read together: every authenticated call needs
    /// both, and two round trips were two waits for each call (and for each of the fifty
    /// acknowledgements fifty feed subscribers send at the same moment). Read at every call, never
    /// cached, so that a revocation takes effect at once.
    /// </summary>
    public async Task<(StoredApiKey? Key, Organization? Owner)> GetKeyWithOwnerAsync(
        NpgsqlConnection connection, string keyId, CancellationToken cancellationToken)
    {
        await using var results = await connection.QueryMultipleAsync(new CommandDefinition(
            $"""
            SELECT {ApiKeyStore.Columns} FROM api_keys WHERE key_id = @keyId;
            {Select} WHERE o.organization_id = (SELECT organization_id FROM api_keys WHERE key_id = @keyId);
            """,
            new { keyId },
            cancellationToken: cancellationToken));
        var key = await results.ReadSingleOrDefaultAsync<StoredApiKey>();
        var owner = await results.ReadSingleOrDefaultAsync<OrganizationRow>();
        return (key, owner is null ? null : ToOrganization(owner));
    }

    public Task<Organization?> GetAsync(NpgsqlTransaction transaction, string organizationId, CancellationToken cancellationToken) =>
        GetAsync(transaction.Connection!, transaction, organizationId, cancellationToken);

    public async Task<IReadOnlyList<Organization>> ListAsync(
        NpgsqlConnection connection, string? afterId, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<OrganizationRow>(new CommandDefinition(
            Select + " WHERE (@afterId::text IS NULL OR o.organization_id > @afterId) ORDER BY o.organization_id LIMIT @limit",
            new { afterId, limit },
            cancellationToken: cancellationToken));
        return rows.Select(ToOrganization).ToList();
    }

    /// <summary>Organisations (other than <paramref name="exceptId"/>) already holding any of <paramref name="desks"/>.</summary>
    public async Task<IReadOnlyList<(string Desk, string OrganizationId)>> DeskOwnersAsync(
        NpgsqlTransaction transaction, IReadOnlyList<string> desks, string exceptId, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<(string, string)>(new CommandDefinition(
            "SELECT desk, organization_id FROM registering_desks WHERE desk = ANY(@desks) AND organization_id <> @exceptId ORDER BY desk",
            new { desks = desks.ToArray(), exceptId },
            transaction,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Inserts the organisation; false when its id is taken.</summary>
    public async Task<bool> InsertAsync(NpgsqlTransaction transaction, Organization organization, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO organizations (organization_id, display_name, kind, territory, stock_commune_codes, revision, created_at)
            VALUES (@Id, @DisplayName, @Kind, CAST(@Territory AS jsonb), @Stock, @Revision, @CreatedAt)
            ON CONFLICT (organization_id) DO NOTHING
            """;
        var inserted = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, Parameters(organization), transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            await ReplaceDesksAsync(transaction, organization, cancellationToken);
        }

        return inserted == 1;
    }

    /// <summary>Writes the new state of an organisation over the revision just before it.</summary>
    public async Task<bool> UpdateAsync(NpgsqlTransaction transaction, Organization organization, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE organizations SET display_name = @DisplayName, territory = CAST(@Territory AS jsonb),
                stock_commune_codes = @Stock, revision = @Revision
            WHERE organization_id = @Id AND revision = @Revision - 1
            """;
        var updated = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, Parameters(organization), transaction, cancellationToken: cancellationToken));
        if (updated == 1)
        {
            await ReplaceDesksAsync(transaction, organization, cancellationToken);
        }

        return updated == 1;
    }

    /// <summary>Locks the organisation's row for the transaction, so concurrent updates queue.</summary>
    public async Task<Organization?> GetForUpdateAsync(NpgsqlTransaction transaction, string organizationId, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT 1 FROM organizations WHERE organization_id = @organizationId FOR UPDATE", new { organizationId }, transaction, cancellationToken: cancellationToken));
        return await GetAsync(transaction, organizationId, cancellationToken);
    }

    private static async Task ReplaceDesksAsync(NpgsqlTransaction transaction, Organization organization, CancellationToken cancellationToken)
    {
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM registering_desks WHERE organization_id = @Id", new { organization.Id }, transaction, cancellationToken: cancellationToken));
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO registering_desks (desk, organization_id) SELECT unnest(@desks), @Id",
            new { desks = organization.RegisteringDesks.ToArray(), organization.Id },
            transaction,
            cancellationToken: cancellationToken));
    }

    private static object Parameters(Organization organization) => new
    {
        organization.Id,
        organization.DisplayName,
        Kind = organization.Kind.ToString(),
        Territory = JsonSerializer.Serialize(organization.Territory, Json),
        Stock = organization.StockCommuneCodes.ToArray(),
        organization.Revision,
        CreatedAt = organization.CreatedAt.UtcDateTime,
    };

    private static Organization ToOrganization(OrganizationRow row) => new()
    {
        Id = row.OrganizationId,
        DisplayName = row.DisplayName,
        Kind = Enum.Parse<OrganizationKind>(row.Kind),
        Territory = JsonSerializer.Deserialize<Territory>(row.Territory, Json) ?? new Territory(),
        StockCommuneCodes = row.StockCommuneCodes,
        RegisteringDesks = row.Desks,
        Revision = row.Revision,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
    };

    private static async Task<Organization?> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string organizationId, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<OrganizationRow>(new CommandDefinition(
            Select + " WHERE o.organization_id = @organizationId", new { organizationId }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ToOrganization(row);
    }
}
