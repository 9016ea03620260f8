using System.Text.Json;
using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Changes;

/// <summary>
/// The event log. Appending is only ever done inside the transaction of the
/// change it records, so the log never holds a change that did not happen nor
/// misses one that did.
/// </summary>
public sealed class ChangeLog
{
    public Task AppendAsync(
        NpgsqlTransaction transaction, string applicationNumber, long revision, string kind, string actor,
        string? requestId, DateTimeOffset occurredAt, object? details, CancellationToken cancellationToken)
    {
        const string sql = """
            INSERT INTO changes (change_id, application_number, revision, kind, actor, request_id, occurred_at, details)
            VALUES (@changeId, @applicationNumber, @revision, @kind, @actor, @requestId, @occurredAt, CAST(@details AS jsonb))
            """;
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                changeId = Guid.CreateVersion7(occurredAt),
                applicationNumber,
                revision,
                kind,
                actor,
                requestId,
                occurredAt = occurredAt.UtcDateTime,
                details = JsonSerializer.Serialize(details ?? new { }),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The changes of one application, oldest first.</summary>
    public async Task<IReadOnlyList<ChangeRecord>> ForApplicationAsync(
        NpgsqlConnection connection, string applicationNumber, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT change_id, position, application_number, revision, kind, actor, request_id, occurred_at, details::text AS details
            FROM changes WHERE application_number = @applicationNumber ORDER BY revision
            """;
        var rows = await connection.QueryAsync<ChangeRecord>(new CommandDefinition(
            sql, new { applicationNumber }, cancellationToken: cancellationToken));
        return rows.AsList();
    }
}
