using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Projections;

/// <summary>The checkpoints of the read models kept from the feed, and the pages of changes they read.</summary>
public sealed class ProjectionStore
{
    /// <summary>
    /// Locks the projection's checkpoint row for this transaction and returns its position, or null when
    /// another hub replica holds it (that replica is already applying the next page; never wait for it).
    /// </summary>
    public async Task<long?> TryLockAsync(NpgsqlTransaction transaction, string projection, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection!;
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO projection_checkpoints (projection, checkpoint_seq, updated_at) VALUES (@projection, 0, @now) ON CONFLICT DO NOTHING",
            new { projection, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));
        return await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = @projection FOR UPDATE SKIP LOCKED",
            new { projection },
            transaction,
            cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<ProjectedChange>> ReadAfterAsync(
        NpgsqlTransaction transaction, long afterSeq, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT change_seq, change_id, application_number, revision, kind, actor, occurred_at,
                   departement, wished_communes, details::text AS details
            FROM changes
            WHERE change_seq > @afterSeq
            ORDER BY change_seq
            LIMIT @limit
            """;
        return (await transaction.Connection!.QueryAsync<ProjectedChange>(new CommandDefinition(
            sql, new { afterSeq, limit }, transaction, cancellationToken: cancellationToken))).AsList();
    }

    public Task AdvanceAsync(NpgsqlTransaction transaction, string projection, long checkpointSeq, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "UPDATE projection_checkpoints SET checkpoint_seq = @checkpointSeq, updated_at = @now WHERE projection = @projection",
            new { projection, checkpointSeq, now = now.UtcDateTime },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>
    /// The feed position that covers every change committed before this call, or null while some of them
    /// still wait for their change_seq (the sequencer has not reached them yet).
    /// </summary>
    public Task<long?> SequencedHeadOfCommittedAsync(NpgsqlConnection connection, long throughPosition, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM changes WHERE change_seq IS NULL AND position <= @throughPosition)
                        THEN NULL ELSE (SELECT last_seq FROM feed_state WHERE id = 1) END
            """,
            new { throughPosition },
            cancellationToken: cancellationToken));

    /// <summary>The position of the newest change written so far (committed or not), 0 when none.</summary>
    public Task<long> LastPositionAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT coalesce(max(position), 0) FROM changes", cancellationToken: cancellationToken));

    /// <summary>The feed's head: the last change_seq handed out by the sequencer.</summary>
    public Task<long> FeedHeadAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT last_seq FROM feed_state WHERE id = 1", cancellationToken: cancellationToken));

    /// <summary>The checkpoint of a projection (0 when it never ran).</summary>
    public async Task<long> CheckpointAsync(NpgsqlConnection connection, string projection, CancellationToken cancellationToken) =>
        await connection.ExecuteScalarAsync<long?>(new CommandDefinition(
            "SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = @projection",
            new { projection },
            cancellationToken: cancellationToken)) ?? 0;
}
