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
        return Classify(row, method, requestHash);
    }

    /// <summary>
    /// Claims many request ids of one caller at once (a batch of bulk onboarding), with the same rule as
    /// <see cref="ClaimAsync"/>: inserted first, so a concurrent transaction holding one of them is waited
    /// for. The ids are inserted in sorted order, so two batches sharing ids queue instead of deadlocking.
    /// The ids must be distinct. Returns the claims in the order of <paramref name="requests"/>.
    /// </summary>
    public async Task<IReadOnlyList<IdempotencyClaim>> ClaimManyAsync(
        NpgsqlTransaction transaction, string caller, IReadOnlyList<ClaimedRequest> requests, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        const string claim = """
            INSERT INTO idempotency_keys (caller, request_id, method, request_hash, created_at)
            SELECT @caller, r.request_id, r.method, r.request_hash, @now
            FROM unnest(@requestIds, @methods, @hashes) AS r (request_id, method, request_hash)
            ORDER BY r.request_id
            ON CONFLICT (caller, request_id) DO NOTHING
            RETURNING request_id
            """;
        var connection = transaction.Connection!;
        var claimed = (await connection.QueryAsync<string>(new CommandDefinition(
            claim,
            new
            {
                caller,
                requestIds = requests.Select(r => r.RequestId).ToArray(),
                methods = requests.Select(r => r.Method).ToArray(),
                hashes = requests.Select(r => r.RequestHash).ToArray(),
                now = now.UtcDateTime,
            },
            transaction,
            cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        var seen = new Dictionary<string, StoredRequest>(StringComparer.Ordinal);
        var others = requests.Select(r => r.RequestId).Where(id => !claimed.Contains(id)).ToArray();
        if (others.Length > 0)
        {
            const string read = """
                SELECT request_id, method, request_hash, response FROM idempotency_keys
                WHERE caller = @caller AND request_id = ANY(@others)
                """;
            foreach (var row in await connection.QueryAsync<StoredRequest>(new CommandDefinition(
                read, new { caller, others }, transaction, cancellationToken: cancellationToken)))
            {
                seen[row.RequestId] = row;
            }
        }

        return requests
            .Select(r => claimed.Contains(r.RequestId) ? new IdempotencyClaim.New() : Classify(seen[r.RequestId], r.Method, r.RequestHash))
            .ToList();
    }

    /// <summary>Stores the answers given to claimed request ids, in the same transaction as the work.</summary>
    public Task CompleteManyAsync(
        NpgsqlTransaction transaction, string caller, IReadOnlyList<string> requestIds, IReadOnlyList<byte[]> responses,
        CancellationToken cancellationToken)
    {
        const string sql = """
            UPDATE idempotency_keys k SET response = r.response
            FROM unnest(@requestIds, @responses) AS r (request_id, response)
            WHERE k.caller = @caller AND k.request_id = r.request_id
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, new { caller, requestIds = requestIds.ToArray(), responses = responses.ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Gives back claims whose work was refused or left to another path: a refusal is not remembered, exactly as
    /// a refused request alone rolls its claim back, so the same id sent again is decided again.
    /// </summary>
    public Task ReleaseManyAsync(NpgsqlTransaction transaction, string caller, IReadOnlyList<string> requestIds, CancellationToken cancellationToken)
    {
        const string sql = "DELETE FROM idempotency_keys WHERE caller = @caller AND request_id = ANY(@requestIds) AND response IS NULL";
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql, new { caller, requestIds = requestIds.ToArray() }, transaction, cancellationToken: cancellationToken));
    }

    private static IdempotencyClaim Classify(StoredRequest row, string method, byte[] requestHash) =>
        row.Method != method || !row.RequestHash.AsSpan().SequenceEqual(requestHash) || row.Response is null
            ? new IdempotencyClaim.Conflict(row.Method)
            : new IdempotencyClaim.Replay(row.Response);

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
        public string RequestId { get; init; } = "";

        public string Method { get; init; } = "";

        public byte[] RequestHash { get; init; } = [];

        public byte[]? Response { get; init; }
    }
}
