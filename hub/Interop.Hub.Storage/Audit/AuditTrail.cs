using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Audit;

/// <summary>
/// The append-only audit trail. Changes are audited inside their own
/// transaction; reads are audited before the data leave the hub, so a read
/// whose audit failed is never answered.
/// </summary>
public sealed class AuditTrail
{
    public const string Read = "read";
    public const string Change = "change";

    /// <summary>Audits reads, on their own: committed before the data leave the hub.</summary>
    public Task AppendAsync(NpgsqlConnection connection, IReadOnlyList<AuditEntry> entries, DateTimeOffset now, CancellationToken cancellationToken) =>
        AppendAsync(connection, null, entries, now, cancellationToken);

    /// <summary>Audits a change (or reads made inside a write) in its own transaction: neither exists without the other.</summary>
    public Task AppendAsync(NpgsqlTransaction transaction, IReadOnlyList<AuditEntry> entries, DateTimeOffset now, CancellationToken cancellationToken) =>
        AppendAsync(transaction.Connection!, transaction, entries, now, cancellationToken);

    private static Task AppendAsync(
        NpgsqlConnection connection, NpgsqlTransaction? transaction, IReadOnlyList<AuditEntry> entries, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        const string sql = """
            INSERT INTO audit_records (access_time, organization_id, key_id, application_number, method, action, peer)
            SELECT @now, e.organization_id, e.key_id, e.application_number, e.method, e.action, e.peer
            FROM unnest(@organizations, @keys, @numbers, @methods, @actions, @peers)
                AS e (organization_id, key_id, application_number, method, action, peer)
            """;
        return connection.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                now = now.UtcDateTime,
                organizations = entries.Select(e => e.OrganizationId).ToArray(),
                keys = entries.Select(e => e.KeyId).ToArray(),
                numbers = entries.Select(e => e.ApplicationNumber).ToArray(),
                methods = entries.Select(e => e.Method).ToArray(),
                actions = entries.Select(e => e.Action).ToArray(),
                peers = entries.Select(e => e.Peer).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Newest first, after the cursor (<paramref name="beforeId"/>, <paramref name="beforeNumber"/>), optionally for one
    /// application and/or organisation: audit_records and the feed's reads (<see cref="FeedDeliveryTrail"/>) merged in one order.
    /// </summary>
    /// <remarks>
    /// Both tables take their ids from one sequence, so audit_id orders them together; the reads of one feed row
    /// share its id and follow each other by application number, which is why the cursor holds both. A cursor
    /// without a number (a token written before the feed had its own table) reads everything below the id.
    /// </remarks>
    public async Task<IReadOnlyList<AuditRecordRow>> ListAsync(
        NpgsqlConnection connection, string? applicationNumber, string? organizationId, long? beforeId, string? beforeNumber, int limit,
        CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT * FROM (
                (SELECT audit_id, access_time, organization_id, key_id, application_number, method, action, peer
                 FROM audit_records
                 WHERE (@applicationNumber::text IS NULL OR application_number = @applicationNumber)
                   AND (@organizationId::text IS NULL OR organization_id = @organizationId)
                   AND (@beforeId::bigint IS NULL OR audit_id < @beforeId)
                 ORDER BY audit_id DESC
                 LIMIT @limit)
                UNION ALL
                (SELECT d.audit_id, d.access_time, d.organization_id, d.key_id, x.number, d.method, 'read', d.peer
                 FROM feed_delivery_audits d
                 CROSS JOIN LATERAL unnest(d.application_numbers) AS x (number)
                 WHERE (@applicationNumber::text IS NULL OR (d.application_numbers @> ARRAY[@applicationNumber::text] AND x.number = @applicationNumber))
                   AND (@organizationId::text IS NULL OR d.organization_id = @organizationId)
                   AND (@beforeId::bigint IS NULL OR d.audit_id < @beforeId OR (d.audit_id = @beforeId AND x.number < @beforeNumber::text))
                 ORDER BY d.audit_id DESC, x.number DESC
                 LIMIT @limit)
            ) r
            ORDER BY audit_id DESC, application_number DESC
            LIMIT @limit
            """;
        return (await connection.QueryAsync<AuditRecordRow>(new CommandDefinition(
            sql, new { applicationNumber, organizationId, beforeId, beforeNumber, limit }, cancellationToken: cancellationToken))).AsList();
    }
}
