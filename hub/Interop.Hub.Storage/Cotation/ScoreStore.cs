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
            $"SELECT {ApplicationStore.Columns} FROM applications WHERE number = ANY(@numbers) ORDER BY number FOR SHARE",
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

    /// <summary>
    /// Removes at most <paramref name="limit"/> of a grid's scores of applications no longer active or no
    /// longer wishing a commune of <paramref name="communes"/>; returns how many. Called until it returns
    /// less than the limit, each call its own short transaction.
    /// </summary>
    public Task<int> DeleteOutsideAsync(NpgsqlTransaction transaction, string gridId, IReadOnlyCollection<string> communes, int limit, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            DELETE FROM cotation_scores WHERE grid_id = @gridId AND application_number IN (
                SELECT s.application_number FROM cotation_scores s JOIN applications a ON a.number = s.application_number
                WHERE s.grid_id = @gridId AND (a.status <> 'active' OR NOT (a.wished_communes && @communes))
                LIMIT @limit)
            """,
            new { gridId, communes = communes.ToArray(), limit },
            transaction,
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
    /// A page of a grid's stored scores that serve <paramref name="day"/> with <paramref name="version"/>
    /// (<see cref="Serving"/>), of active applications wishing <paramref name="commune"/> and
    /// <paramref name="typology"/> in the caller's read scope, best first (score, earlier filing, number),
    /// after the row <paramref name="after"/>.
    /// </summary>
    public async Task<IReadOnlyList<StoredScoreRow>> ListRankedAsync(
        NpgsqlConnection connection, ReadScope scope, string gridId, int version, DateOnly day, string commune, Typology typology, StoredScoreRow? after, int limit,
        CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"""
            SELECT {Prefixed("s")} FROM cotation_scores s JOIN applications a ON a.number = s.application_number
            WHERE s.grid_id = @gridId AND a.status = 'active' AND a.wished_communes @> ARRAY[@commune]::text[] AND s.typologies @> ARRAY[@typology]::text[]
              AND {Serving}
            """);
        AppendScope(sql, scope);

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
                version,
                day,
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
    /// How many active applications wishing <paramref name="typology"/> have a score with the grid that
    /// serves <paramref name="day"/> (the applicant left out), how many of them rank before the given
    /// score, and how many others are left out because their score is being refreshed: a stored score that
    /// does not serve the day, or none yet while the grid's territory is rescored (<paramref name="rescoring"/>).
    /// </summary>
    public async Task<(int Similar, int Ahead, int Pending)> CountSimilarAsync(
        NpgsqlConnection connection, string gridId, int version, DateOnly day, IReadOnlyCollection<string> communes, bool rescoring, Typology typology,
        string applicant, decimal total, DateOnly filedDate, CancellationToken cancellationToken)
    {
        var counts = await connection.QuerySingleAsync<(long Similar, long Ahead, long Stale, long Unscored)>(new CommandDefinition(
            $"""
            SELECT count(*) FILTER (WHERE {Serving}) AS similar,
                   count(*) FILTER (WHERE {Serving} AND (s.total > @total OR (s.total = @total AND (s.filed_date, s.application_number) < (@filedDate, @applicant)))) AS ahead,
                   count(*) FILTER (WHERE NOT {Serving}) AS stale,
                   CASE WHEN @rescoring THEN (
                       SELECT count(*) FROM applications a
                       WHERE a.status = 'active' AND a.wished_communes && @communes AND a.household -> 'wishes' -> 'typologies' ? @typologyJson
                         AND a.number <> @applicant
                         AND NOT EXISTS (SELECT 1 FROM cotation_scores u WHERE u.grid_id = @gridId AND u.application_number = a.number))
                   ELSE 0 END AS unscored
            FROM cotation_scores s JOIN applications a ON a.number = s.application_number
            WHERE s.grid_id = @gridId AND s.typologies @> ARRAY[@typology]::text[] AND a.status = 'active' AND s.application_number <> @applicant
            """,
            new
            {
                gridId, version, day, communes = communes.ToArray(), rescoring, typology = TypologyName(typology), typologyJson = typology.ToString(),
                applicant, total, filedDate,
            },
            cancellationToken: cancellationToken));
        return ((int)counts.Similar, (int)counts.Ahead, (int)(counts.Stale + counts.Unscored));
    }

    /// <summary>
    /// How many active applications wishing <paramref name="commune"/> and <paramref name="typology"/> in
    /// the caller's read scope a ranking on <paramref name="day"/> leaves out because their score is being
    /// refreshed: a stored score that does not serve the day, or none yet while the grid's territory is
    /// rescored (<paramref name="rescoring"/>). Nothing is counted when no row of the grid passed its
    /// <c>fresh_until</c> and no rescoring is pending, the usual case: a ranking then costs no count.
    /// </summary>
    public async Task<int> CountPendingAsync(
        NpgsqlConnection connection, ReadScope scope, string gridId, int version, DateOnly day, bool rescoring, string commune, Typology typology,
        CancellationToken cancellationToken)
    {
        var parameters = new
        {
            gridId,
            version,
            day,
            rescoring,
            commune,
            typology = TypologyName(typology),
            typologyJson = typology.ToString(),
            scopeDepartements = scope.Departements.ToArray(),
            scopeDesks = scope.Desks.ToArray(),
            scopeCommunes = scope.WishedCommunes.ToArray(),
        };
        if (!rescoring && !await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
                "SELECT EXISTS (SELECT 1 FROM cotation_scores WHERE grid_id = @gridId AND fresh_until <= @day)", parameters, cancellationToken: cancellationToken)))
        {
            return 0;
        }

        var stale = new StringBuilder($"""
            SELECT count(*) FROM cotation_scores s JOIN applications a ON a.number = s.application_number
            WHERE s.grid_id = @gridId AND a.status = 'active' AND a.wished_communes @> ARRAY[@commune]::text[] AND s.typologies @> ARRAY[@typology]::text[]
              AND NOT {Serving}
            """);
        AppendScope(stale, scope);
        var unscored = new StringBuilder("""
            SELECT count(*) FROM applications a
            WHERE @rescoring AND a.status = 'active' AND a.wished_communes @> ARRAY[@commune]::text[] AND a.household -> 'wishes' -> 'typologies' ? @typologyJson
              AND NOT EXISTS (SELECT 1 FROM cotation_scores u WHERE u.grid_id = @gridId AND u.application_number = a.number)
            """);
        AppendScope(unscored, scope);
        return (int)await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT ({stale}) + ({unscored})", parameters, cancellationToken: cancellationToken));
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

    /// <summary>
    /// A stored score <c>s</c> that is the score of <c>@day</c> with the version in force <c>@version</c>
    /// (ScoreFreshness.Serves in SQL): reads rank and count only these, never a stale total.
    /// </summary>
    private const string Serving = "(s.grid_version = @version AND s.scored_on <= @day AND (s.fresh_until IS NULL OR s.fresh_until > @day))";

    private static void AppendScope(StringBuilder sql, ReadScope scope)
    {
        if (!scope.All)
        {
            sql.Append(" AND (a.departement = ANY(@scopeDepartements) OR a.registering_desk = ANY(@scopeDesks) OR a.wished_communes && @scopeCommunes)");
        }
    }

    private static string Prefixed(string alias) =>
        string.Join(", ", ScoreColumns.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(column => alias + "." + column));
}
