using System.Text;
using Dapper;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Storage.Applications;
using Npgsql;

namespace Interop.Hub.Storage.Cotation;

/// <summary>
/// The stored scores (<c>cotation_scores</c>, migration 0014). Every write carries the application's
/// revision it was computed from and never replaces a row computed from a newer one, so the projection,
/// a publication and the refresh may run at once in any order. The caller owns the transaction.
/// </summary>
public sealed class ScoreStore
{
    private const string ApplicationColumns = """
        number, departement, registering_desk, origin, status, revision, filed_date, last_renewed_date, expiry_date,
        radiation_reason, radiation_date, warning_letter_date, inadmissibility_reason, merged_into,
        household::text AS household, created_at, updated_at
        """;

    private const string ScoreColumns = """
        grid_id, application_number, application_revision, grid_version, scored_on, fresh_until, total, filed_date,
        typologies, rubrics::text AS rubrics, lines::text AS lines, computed_at
        """;

    /// <summary>
    /// Applications by number, each row locked FOR SHARE until the transaction ends: a writer of one of
    /// them waits until this score is stored, and its own change is scored after it.
    /// </summary>
    public async Task<IReadOnlyList<ApplicationRecord>> LockApplicationsAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<ApplicationRow>(new CommandDefinition(
            $"SELECT {ApplicationColumns} FROM applications WHERE number = ANY(@numbers) ORDER BY number FOR SHARE",
            new { numbers = numbers.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        return rows.Select(ApplicationRowMapper.ToRecord).ToList();
    }

    /// <summary>A page of the numbers of active applications wishing one of <paramref name="communes"/>, after <paramref name="afterNumber"/>.</summary>
    public async Task<IReadOnlyList<string>> ListActiveNumbersAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> communes, string? afterNumber, int limit, CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            """
            SELECT number FROM applications
            WHERE status = 'active' AND wished_communes && @communes AND (@afterNumber::text IS NULL OR number > @afterNumber)
            ORDER BY number LIMIT @limit
            """,
            new { communes = communes.ToArray(), afterNumber, limit },
            transaction,
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Inserts or replaces scores; a row stored from a newer revision of its application stays.</summary>
    public Task UpsertAsync(NpgsqlTransaction transaction, IReadOnlyList<StoredScoreRow> rows, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO cotation_scores (grid_id, application_number, application_revision, grid_version, scored_on, fresh_until, total,
                                         filed_date, typologies, rubrics, lines, computed_at)
            VALUES (@GridId, @ApplicationNumber, @ApplicationRevision, @GridVersion, @ScoredOn, @FreshUntil, @Total,
                    @FiledDate, @Typologies, CAST(@Rubrics AS jsonb), CAST(@Lines AS jsonb), @ComputedAt)
            ON CONFLICT (grid_id, application_number) DO UPDATE SET
                application_revision = excluded.application_revision, grid_version = excluded.grid_version,
                scored_on = excluded.scored_on, fresh_until = excluded.fresh_until, total = excluded.total,
                filed_date = excluded.filed_date, typologies = excluded.typologies, rubrics = excluded.rubrics,
                lines = excluded.lines, computed_at = excluded.computed_at
            WHERE cotation_scores.application_revision <= excluded.application_revision
            """;
        return rows.Count == 0
            ? Task.CompletedTask
            : transaction.Connection!.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Removes the scores of <paramref name="numbers"/> (at <paramref name="revisions"/>) with the grids
    /// <paramref name="gridIds"/>, except the pairs just stored (<paramref name="keptGridIds"/>,
    /// <paramref name="keptNumbers"/>): the application is no longer active or no longer wishes the grid's
    /// territory. A row stored from a newer revision stays.
    /// </summary>
    public Task DeleteUnscoredAsync(
        NpgsqlTransaction transaction, IReadOnlyList<string> numbers, IReadOnlyList<long> revisions, IReadOnlyCollection<string> gridIds,
        IReadOnlyList<string> keptGridIds, IReadOnlyList<string> keptNumbers, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM cotation_scores s
            USING unnest(@numbers::text[], @revisions::bigint[]) AS t(number, revision)
            WHERE s.application_number = t.number AND s.application_revision <= t.revision AND s.grid_id = ANY(@gridIds)
              AND NOT EXISTS (SELECT 1 FROM unnest(@keptGridIds::text[], @keptNumbers::text[]) AS k(grid_id, number)
                              WHERE k.grid_id = s.grid_id AND k.number = s.application_number)
            """,
            new { numbers = numbers.ToArray(), revisions = revisions.ToArray(), gridIds = gridIds.ToArray(), keptGridIds = keptGridIds.ToArray(), keptNumbers = keptNumbers.ToArray() },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Removes a grid's scores of applications no longer active or no longer wishing a commune of <paramref name="communes"/>.</summary>
    public Task DeleteOutsideAsync(NpgsqlTransaction transaction, string gridId, IReadOnlyCollection<string> communes, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM cotation_scores s USING applications a
            WHERE s.grid_id = @gridId AND a.number = s.application_number
              AND (a.status <> 'active' OR NOT (a.wished_communes && @communes))
            """,
            new { gridId, communes = communes.ToArray() },
            transaction,
            commandTimeout: 0,
            cancellationToken: cancellationToken));

    /// <summary>
    /// Numbers of a grid's rows that do not serve <paramref name="day"/>: computed with another version,
    /// after the day, or past their <c>fresh_until</c>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ListStaleAsync(
        NpgsqlConnection connection, string gridId, int version, DateOnly day, string? afterNumber, int limit, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            SELECT application_number FROM cotation_scores
            WHERE grid_id = @gridId AND (grid_version <> @version OR scored_on > @day OR fresh_until <= @day)
              AND (@afterNumber::text IS NULL OR application_number > @afterNumber)
            ORDER BY application_number LIMIT @limit
            """,
            new { gridId, version, day, afterNumber, limit },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// A page of a grid's stored scores of active applications wishing <paramref name="commune"/> and
    /// <paramref name="typology"/> in the caller's read scope, best first (score, earlier filing, number),
    /// after the row <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<StoredScoreRow>> ListRankedAsync(
        NpgsqlConnection connection, ReadScope scope, string gridId, string commune, Typology typology, StoredScoreRow? after, int limit, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"""
            SELECT {Prefixed("s")} FROM cotation_scores s JOIN applications a ON a.number = s.application_number
            WHERE s.grid_id = @gridId AND a.status = 'active' AND a.wished_communes @> ARRAY[@commune]::text[] AND s.typologies @> ARRAY[@typology]::text[]
            """);
        if (!scope.All)
        {
            sql.Append(" AND (a.departement = ANY(@scopeDepartements) OR a.registering_desk = ANY(@scopeDesks) OR a.wished_communes && @scopeCommunes)");
        }

        if (after is not null)
        {
            // Keyset over (total DESC, filed_date, number): strictly after the last row read.
            sql.Append(" AND (s.total < @afterTotal OR (s.total = @afterTotal AND (s.filed_date, s.application_number) > (@afterFiled, @afterNumber)))");
        }

        sql.Append(" ORDER BY s.total DESC, s.filed_date, s.application_number LIMIT @limit");
        var rows = await connection.QueryAsync<StoredScoreRow>(new CommandDefinition(
            sql.ToString(),
            new
            {
                gridId,
                commune,
                typology = TypologyName(typology),
                scopeDepartements = scope.Departements.ToArray(),
                scopeDesks = scope.Desks.ToArray(),
                scopeCommunes = scope.WishedCommunes.ToArray(),
                afterTotal = after?.Total ?? 0m,
                afterFiled = after?.FiledDate ?? DateOnly.MinValue,
                afterNumber = after?.ApplicationNumber ?? "",
                limit,
            },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>
    /// How many active applications with a stored score wishing <paramref name="typology"/> there are
    /// with the grid (the applicant left out), and how many of them rank before the given score.
    /// </summary>
    public async Task<(int Similar, int Ahead)> CountSimilarAsync(
        NpgsqlConnection connection, string gridId, Typology typology, string applicant, decimal total, DateOnly filedDate, CancellationToken cancellationToken)
    {
        var counts = await connection.QuerySingleAsync<(long Similar, long Ahead)>(new CommandDefinition(
            """
            SELECT count(*) AS similar,
                   count(*) FILTER (WHERE s.total > @total OR (s.total = @total AND (s.filed_date, s.application_number) < (@filedDate, @applicant))) AS ahead
            FROM cotation_scores s JOIN applications a ON a.number = s.application_number
            WHERE s.grid_id = @gridId AND s.typologies @> ARRAY[@typology]::text[] AND a.status = 'active' AND s.application_number <> @applicant
            """,
            new { gridId, typology = TypologyName(typology), applicant, total, filedDate },
            cancellationToken: cancellationToken));
        return ((int)counts.Similar, (int)counts.Ahead);
    }

    /// <summary>The stored scores of some applications with one grid.</summary>
    public async Task<IReadOnlyList<StoredScoreRow>> ListAsync(
        NpgsqlConnection connection, string gridId, IReadOnlyCollection<string> numbers, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<StoredScoreRow>(new CommandDefinition(
            $"SELECT {ScoreColumns} FROM cotation_scores WHERE grid_id = @gridId AND application_number = ANY(@numbers)",
            new { gridId, numbers = numbers.ToArray() },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    /// <summary>Empties the stored scores (a rebuild of the projection).</summary>
    public Task DeleteAllAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition("DELETE FROM cotation_scores", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>How many scores a grid has stored.</summary>
    public Task<long> CountAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM cotation_scores WHERE grid_id = @gridId", new { gridId }, cancellationToken: cancellationToken));

    /// <summary>A typology as <c>typologies</c> spells it (<c>t3</c>, <c>room</c>).</summary>
    public static string TypologyName(Typology typology) => Attributions.StoredName.Of(typology);

    private static string Prefixed(string alias) =>
        string.Join(", ", ScoreColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(column => alias + "." + column));
}
