using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Idempotency;

/// <summary>Remembers each caller's request ids with the answer they got.</summary>
public sealed class IdempotencyStore
{
    /// <summary>
    /// Claims the request id at the start of the write transaction. The insert
    /// comes first on purpose: a concurrent transaction with the same id blocks
    /// on the primary key until the first one commits or rolls back, then sees
    /// its answer — a check-then-insert would let both do the work.
    /// </summary>
    public async Task<IdempotencyClaim> ClaimAsync(
        NpgsqlTransaction transaction, string caller, string requestId, string method, byte[] requestHash,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string claim = """
            INSERT INTO idempotency_keys (caller, request_id, method, request_hash, created_at)
            VALUES (@caller, @requestId, @method, @requestHash, @now)
            ON CONFLICT (caller, request_id) DO NOTHING
            """;
        var connection = transaction.Connection!;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            claim, new { caller, requestId, method, requestHash, now = now.UtcDateTime }, transaction, cancellationToken: cancellationToken));
        if (inserted == 1)
        {
            return new IdempotencyClaim.New();
        }

        const string read = """
            SELECT method, request_hash, response FROM idempotency_keys
            WHERE caller = @caller AND request_id = @requestId
            """;
        var row = await connection.QuerySingleAsync<StoredRequest>(new CommandDefinition(
            read, new { caller, requestId }, transaction, cancellationToken: cancellationToken));
        if (row.Method != method || !row.RequestHash.AsSpan().SequenceEqual(requestHash) || row.Response is null)
        {
            return new IdempotencyClaim.Conflict(row.Method);
        }

        return new IdempotencyClaim.Replay(row.Response);
    }

    /// <summary>Stores the answer given to a claimed request id, in the same transaction as the work.</summary>
    public Task CompleteAsync(
        NpgsqlTransaction transaction, string caller, string requestId, byte[] response, CancellationToken cancellationToken)
    {
        const string sql = "UPDATE idempotency_keys SET response = @response WHERE caller = @caller AND request_id = @requestId";
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, new { caller, requestId, response }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>Forgets request ids older than <paramref name="olderThan"/>; returns how many.</summary>
    public async Task<int> PruneAsync(NpgsqlConnection connection, DateTimeOffset olderThan, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM idempotency_keys WHERE created_at < @olderThan";
        return await connection.ExecuteAsync(new CommandDefinition(
            sql, new { olderThan = olderThan.UtcDateTime }, cancellationToken: cancellationToken));
    }

    private sealed class StoredRequest
    {
        public string Method { get; init; } = "";

        public byte[] RequestHash { get; init; } = [];

        public byte[]? Response { get; init; }
    }
}
