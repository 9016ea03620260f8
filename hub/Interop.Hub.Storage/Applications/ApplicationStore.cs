using System.Text;
using Dapper;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Npgsql;

namespace Interop.Hub.Storage.Applications;

/// <summary>Reads and writes <c>applications</c>. The caller owns the transaction.</summary>
public sealed class ApplicationStore
{
    /// <summary>The columns every read of an application selects, as <see cref="ApplicationRowMapper"/> maps them; <c>number</c> first.</summary>
    internal const string Columns = """
        number, departement, registering_desk, origin, status, revision, filed_date, last_renewed_date, expiry_date,
        radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
        household::text AS household, created_at, updated_at
        """;

    public Task<ApplicationRecord?> GetAsync(NpgsqlConnection connection, string number, CancellationToken cancellationToken) =>
        GetAsync(connection, null, number, cancellationToken);

    /// <summary>An application as the transaction sees it, without locking it.</summary>
    public Task<ApplicationRecord?> GetAsync(NpgsqlTransaction transaction, string number, CancellationToken cancellationToken) =>
        GetAsync(transaction.Connection!, transaction, number, cancellationToken);

    /// <summary>Several applications at once, by number.</summary>
    public Task<IReadOnlyDictionary<string, ApplicationRecord>> GetManyAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        GetManyAsync(connection, null, numbers, cancellationToken);

    /// <summary>Several applications at once, by number, as the transaction sees them (its own writes included).</summary>
    public Task<IReadOnlyDictionary<string, ApplicationRecord>> GetManyAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken) =>
        GetManyAsync(transaction.Connection!, transaction, numbers, cancellationToken);

    /// <summary>Reads the application and locks its row until the transaction ends, so concurrent writers queue.</summary>
    public async Task<ApplicationRecord?> GetForUpdateAsync(
        NpgsqlTransaction transaction, string number, CancellationToken cancellationToken)
    {
        var row = await transaction.Connection!.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM applications WHERE number = @number FOR UPDATE",
            new { number },
            transaction,
            cancellationToken: cancellationToken));
        return row is null ? null : ApplicationRowMapper.ToRecord(row);
    }

    public async Task<bool> ExistsAsync(NpgsqlTransaction transaction, string number, CancellationToken cancellationToken) =>
        await transaction.Connection!.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT EXISTS (SELECT 1 FROM applications WHERE number = @number)", new { number }, transaction, cancellationToken: cancellationToken));

    /// <summary>Inserts a new application; <paramref name="origin"/> is <c>registered</c> or <c>imported</c>.</summary>
    public Task InsertAsync(
        NpgsqlTransaction transaction, ApplicationRecord record, string origin, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO applications (
                number, departement, registering_desk, origin, status, revision, filed_date, last_renewed_date, expiry_date,
                radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
                household, wished_communes, created_at, updated_at)
            VALUES (
                @Number, @Departement, @RegisteringDesk, @Origin, @Status, @Revision, @FiledDate, @LastRenewedDate, @ExpiryDate,
                @RadiationReason, @RadiationDate, @WarningLetterDate, @InadmissibilityReason, @MergedInto,
                CAST(@Household AS jsonb), @WishedCommunes, @CreatedAt, @UpdatedAt)
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, ApplicationRowMapper.ToRow(record, origin), transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Inserts new applications in one statement (a batch of bulk onboarding), with the row mapping of
    /// <see cref="InsertAsync"/>. The wished communes travel as one JSON array per row, since unnest cannot
    /// carry arrays of different lengths.
    /// </summary>
    public Task InsertManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<ApplicationRecord> records, string origin, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO applications (
                number, departement, registering_desk, origin, status, revision, filed_date, last_renewed_date, expiry_date,
                radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
                household, wished_communes, created_at, updated_at)
            SELECT r.number, r.departement, r.registering_desk, @origin, r.status, r.revision, r.filed_date, r.last_renewed_date, r.expiry_date,
                   r.radiation_reason, r.radiation_date, r.warning_letter_date, r.inadmissibility_reason, r.merged_into,
                   CAST(r.household AS jsonb), ARRAY(SELECT jsonb_array_elements_text(CAST(r.wished_communes AS jsonb))), r.created_at, r.updated_at
            FROM unnest(
                @numbers, @departements, @desks, @statuses, @revisions, @filedDates, @lastRenewedDates, @expiryDates,
                @radiationReasons, @radiationDates, @warningLetterDates, @inadmissibilityReasons, @mergedInto,
                @households, @wishedCommunes, @createdAt, @updatedAt)
                AS r (number, departement, registering_desk, status, revision, filed_date, last_renewed_date, expiry_date,
                      radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
                      household, wished_communes, created_at, updated_at)
            """;
        var rows = records.Select(r => ApplicationRowMapper.ToRow(r, origin)).ToList();
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                origin,
                numbers = rows.Select(r => r.Number).ToArray(),
                departements = rows.Select(r => r.Departement).ToArray(),
                desks = rows.Select(r => r.RegisteringDesk).ToArray(),
                statuses = rows.Select(r => r.Status).ToArray(),
                revisions = rows.Select(r => r.Revision).ToArray(),
                filedDates = rows.Select(r => r.FiledDate).ToArray(),
                lastRenewedDates = rows.Select(r => r.LastRenewedDate).ToArray(),
                expiryDates = rows.Select(r => r.ExpiryDate).ToArray(),
                radiationReasons = rows.Select(r => r.RadiationReason).ToArray(),
                radiationDates = rows.Select(r => r.RadiationDate).ToArray(),
                warningLetterDates = rows.Select(r => r.WarningLetterDate).ToArray(),
                inadmissibilityReasons = rows.Select(r => r.InadmissibilityReason).ToArray(),
                mergedInto = rows.Select(r => r.MergedInto).ToArray(),
                households = rows.Select(r => r.Household).ToArray(),
                wishedCommunes = rows.Select(r => System.Text.Json.JsonSerializer.Serialize(r.WishedCommunes)).ToArray(),
                createdAt = rows.Select(r => r.CreatedAt).ToArray(),
                updatedAt = rows.Select(r => r.UpdatedAt).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Writes the new state of an application whose row the transaction has
    /// locked; <paramref name="record"/> carries the new revision, and the
    /// update only applies over the revision just before it.
    /// </summary>
    public async Task UpdateAsync(NpgsqlTransaction transaction, ApplicationRecord record, CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE applications SET
                status = @Status, revision = @Revision, last_renewed_date = @LastRenewedDate, expiry_date = @ExpiryDate,
                radiation_reason = @RadiationReason, radiation_date = @RadiationDate, warning_letter_date = @WarningLetterDate,
                inadmissibility_reason = @InadmissibilityReason, merged_into = @MergedInto,
                household = CAST(@Household AS jsonb), wished_communes = @WishedCommunes, updated_at = @UpdatedAt
            WHERE number = @Number AND revision = @Revision - 1
            """;
        var updated = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, ApplicationRowMapper.ToRow(record, origin: ""), transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException(
                $"Application {record.Number} was not at revision {record.Revision - 1}; it must be locked before it is written.");
        }
    }

    /// <summary>A page of applications ordered by number, after <paramref name="afterNumber"/>.</summary>
    public async Task<IReadOnlyList<ApplicationRecord>> ListAsync(
        NpgsqlConnection connection, ReadScope scope, ApplicationFilter filter, string? afterNumber, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {Columns} FROM applications WHERE TRUE");

        // The caller's read scope is part of the query, so that a page holds
        // only applications the caller may see and page tokens stay correct.
        if (!scope.All)
        {
            sql.Append(" AND (departement = ANY(@scopeDepartements) OR registering_desk = ANY(@scopeDesks) OR wished_communes && @scopeCommunes)");
        }

        if (afterNumber is not null)
        {
            sql.Append(" AND number > @afterNumber");
        }

        if (filter.Status is not null)
        {
            sql.Append(" AND status = @status");
        }

        if (filter.Departement is not null)
        {
            sql.Append(" AND departement = @departement");
        }

        if (filter.WishedCommuneCode is not null)
        {
            sql.Append(" AND wished_communes @> ARRAY[@wishedCommune]::text[]");
        }

        if (filter.UpdatedSince is not null)
        {
            sql.Append(" AND updated_at >= @updatedSince");
        }

        sql.Append(" ORDER BY number LIMIT @limit");
        var rows = await connection.QueryAsync<ApplicationRow>(new CommandDefinition(
            sql.ToString(),
            new
            {
                afterNumber,
                scopeDepartements = scope.Departements.ToArray(),
                scopeDesks = scope.Desks.ToArray(),
                scopeCommunes = scope.WishedCommunes.ToArray(),
                status = filter.Status is { } status ? ApplicationRowMapper.StatusText(status) : null,
                departement = filter.Departement,
                wishedCommune = filter.WishedCommuneCode,
                updatedSince = filter.UpdatedSince?.UtcDateTime,
                limit,
            },
            cancellationToken: cancellationToken));
        return rows.Select(ApplicationRowMapper.ToRecord).ToList();
    }

    /// <summary>
    /// Numbers of active applications whose expiry is on or before
    /// <paramref name="expiredOnOrBefore"/>: the renewal job's candidates (it
    /// applies the exact rule itself, row by row, under a lock).
    /// </summary>
    public async Task<IReadOnlyList<string>> ListActiveExpiredAsync(
        NpgsqlConnection connection, DateOnly expiredOnOrBefore, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT number FROM applications
            WHERE status = 'active' AND expiry_date <= @expiredOnOrBefore
            ORDER BY expiry_date, number LIMIT @limit
            """;
        var numbers = await connection.QueryAsync<string>(new CommandDefinition(
            sql, new { expiredOnOrBefore, limit }, cancellationToken: cancellationToken));
        return numbers.AsList();
    }

    /// <summary>Numbers of applications radiated on or before <paramref name="radiatedOnOrBefore"/>: the retention job's candidates.</summary>
    public async Task<IReadOnlyList<string>> ListRadiatedOnOrBeforeAsync(
        NpgsqlConnection connection, DateOnly radiatedOnOrBefore, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT number FROM applications
            WHERE status = 'radiated' AND radiation_date <= @radiatedOnOrBefore
            ORDER BY radiation_date, number LIMIT @limit
            """;
        return (await connection.QueryAsync<string>(new CommandDefinition(
            sql, new { radiatedOnOrBefore, limit }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// Erases the personal data of a locked application: the household goes,
    /// the wished communes with it; <paramref name="statisticsJson"/> keeps the
    /// non-nominative facts the observatory needs. The household parts kept in
    /// the application's history go in the same statement; its facts stay.
    /// </summary>
    public async Task EraseAsync(
        NpgsqlTransaction transaction, ApplicationRecord erased, string statisticsJson, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH history AS (
                UPDATE application_history SET household_patch = NULL
                WHERE application_number = @Number AND household_patch IS NOT NULL
            )
            UPDATE applications SET status = 'erased', revision = @Revision, household = NULL, wished_communes = '{}',
                statistics = CAST(@statisticsJson AS jsonb), erased_at = @UpdatedAt, updated_at = @UpdatedAt
            WHERE number = @Number AND revision = @Revision - 1
            """;
        var updated = await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, new { erased.Number, erased.Revision, statisticsJson, UpdatedAt = erased.UpdatedAt.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (updated != 1)
        {
            throw new InvalidOperationException($"Application {erased.Number} was not at revision {erased.Revision - 1}.");
        }
    }

    private static async Task<ApplicationRecord?> GetAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, string number, CancellationToken cancellationToken)
    {
        var row = await connection.QuerySingleOrDefaultAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM applications WHERE number = @number", new { number }, transaction, cancellationToken: cancellationToken));
        return row is null ? null : ApplicationRowMapper.ToRecord(row);
    }

    private static async Task<IReadOnlyDictionary<string, ApplicationRecord>> GetManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {Columns} FROM applications WHERE number = ANY(@numbers)", new { numbers = numbers.ToArray() }, transaction, cancellationToken: cancellationToken));
        return rows.Select(ApplicationRowMapper.ToRecord).ToDictionary(r => r.Number);
    }
}
