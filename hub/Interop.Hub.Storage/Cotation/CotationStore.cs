using Dapper;
using Interop.Hub.Core.Applications;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Attributions;
using Npgsql;

namespace Interop.Hub.Storage.Cotation;

/// <summary>
/// Grid ownership, published grid versions and criterion validations (migration 0008). The caller owns
/// the transaction; reads that must see the transaction's own writes take it.
/// </summary>
public sealed class CotationStore
{
    private const string VersionColumns = "grid_id, version, epci, title, valid_from, valid_until, publisher_id, published_at";

    /// <summary>Grants the ownership; granting it again keeps the first grant. Returns the time of the grant in force.</summary>
    public async Task<DateTime> GrantOwnershipAsync(NpgsqlTransaction transaction, string organizationId, string epci, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO cotation_grid_owners (organization_id, epci, granted_at) VALUES (@organizationId, @epci, @now)
            ON CONFLICT (organization_id, epci) DO NOTHING;
            SELECT granted_at FROM cotation_grid_owners WHERE organization_id = @organizationId AND epci = @epci;
            """;
        return await transaction.Connection!.ExecuteScalarAsync<DateTime>(new CommandDefinition(
            sql, new { organizationId, epci, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
    }

    public Task<bool> OwnsAsync(NpgsqlConnection connection, string organizationId, string epci, CancellationToken cancellationToken) =>
        OwnsAsync(connection, null, organizationId, epci, cancellationToken);

    public Task<bool> OwnsAsync(NpgsqlTransaction transaction, string organizationId, string epci, CancellationToken cancellationToken) =>
        OwnsAsync(transaction.Connection!, transaction, organizationId, epci, cancellationToken);

    /// <summary>
    /// Serialises publications of one grid until the transaction ends: the overlap rules compare a new
    /// version with all published ones, which two concurrent publications would each miss.
    /// </summary>
    public Task LockGridAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(hashtextextended('cotation-grid:' || @gridId, 0))", new { gridId }, transaction, cancellationToken: cancellationToken));

    /// <summary>
    /// Orders scoring against publications until the transaction ends: a publication takes it exclusive,
    /// every transaction that stores scores takes it shared before it reads the grids. A score is then
    /// computed either with the versions as they were before a publication, and the rescoring that
    /// publication asked for comes after it, or with the new ones: never with the old versions written
    /// over a row the rescoring already brought to the new one.
    /// </summary>
    public Task LockPublicationsAsync(NpgsqlTransaction transaction, bool exclusive, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            exclusive
                ? "SELECT pg_advisory_xact_lock(hashtextextended('cotation-publications', 0))"
                : "SELECT pg_advisory_xact_lock_shared(hashtextextended('cotation-publications', 0))",
            transaction: transaction,
            cancellationToken: cancellationToken));

    /// <summary>Every version of a grid, oldest start first, with or without their files.</summary>
    public Task<IReadOnlyList<GridVersionRow>> ListVersionsAsync(NpgsqlConnection connection, string gridId, bool withJson, CancellationToken cancellationToken) =>
        ListVersionsAsync(connection, null, gridId, withJson, cancellationToken);

    /// <summary>The same, as the transaction sees them (a publication compares with the versions it locked).</summary>
    public Task<IReadOnlyList<GridVersionRow>> ListVersionsAsync(NpgsqlTransaction transaction, string gridId, bool withJson, CancellationToken cancellationToken) =>
        ListVersionsAsync(transaction.Connection!, transaction, gridId, withJson, cancellationToken);

    private static async Task<IReadOnlyList<GridVersionRow>> ListVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string gridId, bool withJson, CancellationToken cancellationToken)
    {
        var columns = withJson ? VersionColumns + ", grid_json" : VersionColumns;
        var rows = await connection.QueryAsync<GridVersionRow>(new CommandDefinition(
            $"SELECT {columns} FROM cotation_grid_versions WHERE grid_id = @gridId ORDER BY valid_from",
            new { gridId },
            transaction,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public Task InsertVersionAsync(NpgsqlTransaction transaction, GridVersionRow row, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO cotation_grid_versions (grid_id, version, epci, title, valid_from, valid_until, grid_json, publisher_id, published_at)
            VALUES (@GridId, @Version, @Epci, @Title, @ValidFrom, @ValidUntil, @GridJson, @PublisherId, @PublishedAt)
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));
    }

    public Task InsertValidationAsync(NpgsqlTransaction transaction, ValidationRow row, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO cotation_validations (application_number, grid_id, criterion_id, role, validated_by, validated_on, recorder_id, recorded_at)
            VALUES (@ApplicationNumber, @GridId, @CriterionId, @Role, @ValidatedBy, @ValidatedOn, @RecorderId, @RecordedAt)
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, row, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>The validations recorded for some applications with one grid.</summary>
    public async Task<IReadOnlyList<ValidationRow>> ListValidationsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> numbers, string gridId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ValidationRow>(new CommandDefinition(
            """
            SELECT application_number, grid_id, criterion_id, role, validated_by, validated_on, recorder_id, recorded_at
            FROM cotation_validations WHERE application_number = ANY(@numbers) AND grid_id = @gridId ORDER BY id
            """,
            new { numbers = numbers.ToArray(), gridId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The validations recorded for some applications with any grid, read in the caller's transaction.</summary>
    public async Task<IReadOnlyList<ValidationRow>> ListValidationsOfAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<ValidationRow>(new CommandDefinition(
            """
            SELECT application_number, grid_id, criterion_id, role, validated_by, validated_on, recorder_id, recorded_at
            FROM cotation_validations WHERE application_number = ANY(@numbers) ORDER BY id
            """,
            new { numbers = numbers.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Every published version of every grid, with its file, oldest start first.</summary>
    public Task<IReadOnlyList<GridVersionRow>> ListAllVersionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        ListAllVersionsAsync(connection, null, cancellationToken);

    /// <summary>The same, read inside the caller's transaction.</summary>
    public Task<IReadOnlyList<GridVersionRow>> ListAllVersionsAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ListAllVersionsAsync(transaction.Connection!, transaction, cancellationToken);

    private static async Task<IReadOnlyList<GridVersionRow>> ListAllVersionsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<GridVersionRow>(new CommandDefinition(
            $"SELECT {VersionColumns}, grid_json FROM cotation_grid_versions ORDER BY grid_id, valid_from",
            transaction: transaction,
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>Every validation recorded with one grid, for a run over a whole stock.</summary>
    public async Task<IReadOnlyList<ValidationRow>> ListValidationsOfGridAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ValidationRow>(new CommandDefinition(
            """
            SELECT application_number, grid_id, criterion_id, role, validated_by, validated_on, recorder_id, recorded_at
            FROM cotation_validations WHERE grid_id = @gridId ORDER BY id
            """,
            new { gridId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>
    /// A page of the active applications wishing at least one of <paramref name="communes"/> (a grid's
    /// territory), by number after <paramref name="afterNumber"/>: the GIN index on wished communes answers the overlap.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationRecord>> ListActiveInTerritoryAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> communes, string? afterNumber, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {ApplicationStore.Columns} FROM applications WHERE status = 'active' AND wished_communes && @communes AND (@afterNumber::text IS NULL OR number > @afterNumber) ORDER BY number LIMIT @limit",
            new { communes = communes.ToArray(), afterNumber, limit },
            cancellationToken: cancellationToken));
        return rows.Select(ApplicationRowMapper.ToRecord).ToList();
    }

    /// <summary>Leases signed from <paramref name="from"/> to <paramref name="to"/> (included) for a typology in some communes, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<LeaseRow>> ListLeasesAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> communes, Typology typology, DateOnly from, DateOnly to, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<LeaseRow>(new CommandDefinition(
            """
            SELECT application_number, lease_date, commune_code, typology FROM proposals
            WHERE state = 'lease_signed' AND lease_date BETWEEN @from AND @to AND typology = @typology AND commune_code = ANY(@communes)
            ORDER BY lease_date, application_number LIMIT @limit
            """,
            new { communes = communes.ToArray(), typology = StoredName.Of(typology), from, to, limit },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    private static async Task<bool> OwnsAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string organizationId, string epci, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM cotation_grid_owners WHERE organization_id = @organizationId AND epci = @epci)",
            new { organizationId, epci },
            transaction,
            cancellationToken: cancellationToken));
}
