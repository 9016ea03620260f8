using System.Text.Json;
using Dapper;
using Interop.Hub.Core.Applications;
using Interop.Hub.Storage.History;
using Npgsql;

namespace Interop.Hub.Storage.Changes;

/// <summary>
/// The event log. Appending is only ever done inside the transaction of the
/// change it records, so the log never holds a change that did not happen nor
/// misses one that did.
/// </summary>
public sealed class ChangeLog
{
    /// <summary>
    /// Appends the change that brought <paramref name="application"/> from
    /// <paramref name="previous"/> to its current revision. The change is
    /// visible to whoever could see the application before or after it (a
    /// collectivity learns that an application stopped wishing its commune).
    /// The application's durable history gets its revision in the same
    /// statement: the change record is pruned with the feed, the history is not.
    /// </summary>
    public Task AppendAsync(
        NpgsqlTransaction transaction, ApplicationRecord application, ApplicationRecord? previous, string kind, string actor,
        string? requestId, DateTimeOffset occurredAt, object? details, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH change AS (
            INSERT INTO changes (change_id, application_number, revision, kind, actor, request_id, occurred_at, details,
                                 departement, registering_desk, wished_communes)
            VALUES (@changeId, @applicationNumber, @revision, @kind, @actor, @requestId, @occurredAt, CAST(@details AS jsonb),
                    @departement, @desk, @wishedCommunes)
            )
            """ + HistoryStore.InsertSql;
        var (facts, householdPatch) = HistoryStore.ColumnsOf(application, previous);
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                changeId = Guid.CreateVersion7(occurredAt),
                applicationNumber = application.Number,
                revision = application.Revision,
                departement = application.Departement,
                desk = application.RegisteringDesk,
                wishedCommunes = (application.Household?.Wishes.CommuneCodes ?? [])
                    .Union(previous?.Household?.Wishes.CommuneCodes ?? [])
                    .ToArray(),
                kind,
                actor,
                requestId,
                occurredAt = occurredAt.UtcDateTime,
                details = JsonSerializer.Serialize(details ?? new { }),
                facts,
                householdPatch,
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
