using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Matching;

/// <summary>The review queue, operators' "different households" decisions, and merges.</summary>
public sealed class ReviewStore
{
    private const string Columns = """
        review_item_id, application_number, candidate_number, departement, score, fields::text AS fields, explanation,
        state, decided_by, survivor, created_at, decided_at
        """;

    /// <summary>Opens an item for a probable pair unless one is open already or the pair was declared distinct.</summary>
    public Task OpenAsync(
        NpgsqlTransaction transaction, string applicationNumber, string candidateNumber, string departement, double score,
        string fieldsJson, string explanation, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO review_items (application_number, candidate_number, departement, score, fields, explanation, state, created_at)
            SELECT @applicationNumber, @candidateNumber, @departement, @score, CAST(@fieldsJson AS jsonb), @explanation, 'open', @now
            WHERE NOT EXISTS (
                SELECT 1 FROM declared_distinct
                WHERE low_number = LEAST(@applicationNumber, @candidateNumber) AND high_number = GREATEST(@applicationNumber, @candidateNumber))
            ON CONFLICT DO NOTHING
            """,
            new { applicationNumber, candidateNumber, departement, score, fieldsJson, explanation, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));

    public async Task<IReadOnlyList<ReviewItemRow>> ListAsync(
        NpgsqlConnection connection, string state, IReadOnlyList<string>? departements, long? afterId, int limit, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<ReviewItemRow>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM review_items
            WHERE state = @state AND (@departements::text[] IS NULL OR departement = ANY(@departements))
              AND (@afterId::bigint IS NULL OR review_item_id > @afterId)
            ORDER BY review_item_id LIMIT @limit
            """,
            new { state, departements = departements?.ToArray(), afterId, limit },
            cancellationToken: cancellationToken))).AsList();

    public Task<ReviewItemRow?> GetForUpdateAsync(NpgsqlTransaction transaction, long id, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleOrDefaultAsync<ReviewItemRow>(new CommandDefinition(
            $"SELECT {Columns} FROM review_items WHERE review_item_id = @id FOR UPDATE", new { id }, transaction, cancellationToken: cancellationToken));

    public Task<ReviewItemRow> CloseAsync(
        NpgsqlTransaction transaction, long id, string state, string decidedBy, string? survivor, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.QuerySingleAsync<ReviewItemRow>(new CommandDefinition(
            $"""
            UPDATE review_items SET state = @state, decided_by = @decidedBy, survivor = @survivor, decided_at = @now
            WHERE review_item_id = @id
            RETURNING {Columns}
            """,
            new { id, state, decidedBy, survivor, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));

    public Task DeclareDistinctAsync(NpgsqlTransaction transaction, string left, string right, string declaredBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO declared_distinct (low_number, high_number, declared_by, declared_at)
            VALUES (LEAST(@left, @right), GREATEST(@left, @right), @declaredBy, @now) ON CONFLICT DO NOTHING
            """,
            new { left, right, declaredBy, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Which of <paramref name="candidates"/> were declared distinct from <paramref name="number"/>.</summary>
    public async Task<IReadOnlySet<string>> DeclaredDistinctFromAsync(
        NpgsqlTransaction transaction, string number, IReadOnlyList<string> candidates, CancellationToken cancellationToken) =>
        (await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            """
            SELECT CASE WHEN low_number = @number THEN high_number ELSE low_number END
            FROM declared_distinct
            WHERE (low_number = @number AND high_number = ANY(@candidates)) OR (high_number = @number AND low_number = ANY(@candidates))
            """,
            new { number, candidates = candidates.ToArray() },
            transaction,
            cancellationToken: cancellationToken))).ToHashSet();

    public Task RecordMergeAsync(
        NpgsqlTransaction transaction, string absorbed, string survivor, long? reviewItemId, string mergedBy, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO merges (absorbed_number, survivor_number, review_item_id, merged_by, merged_at)
            VALUES (@absorbed, @survivor, @reviewItemId, @mergedBy, @now)
            """,
            new { absorbed, survivor, reviewItemId, mergedBy, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Forgets the merge of <paramref name="absorbed"/>; returns its review item, if it came from one.</summary>
    public Task<long?> RemoveMergeAsync(NpgsqlTransaction transaction, string absorbed, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteScalarAsync<long?>(new CommandDefinition(
            "DELETE FROM merges WHERE absorbed_number = @absorbed RETURNING review_item_id", new { absorbed }, transaction, cancellationToken: cancellationToken));
}
