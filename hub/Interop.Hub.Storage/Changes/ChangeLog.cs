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

    /// <summary>
    /// <see cref="AppendAsync"/> for many changes of one transaction at once (a batch of bulk onboarding),
    /// in one statement: the changes take their positions in the order given, so the feed carries them in
    /// that order, and each application's history gets its revision alongside.
    /// </summary>
    public Task AppendManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<AppendedChange> entries, DateTimeOffset occurredAt, CancellationToken cancellationToken)
    {
        const string sql = """
            WITH rows AS (
                SELECT * FROM unnest(@changeIds, @numbers, @revisions, @kinds, @actors, @requestIds, @details,
                                     @departements, @desks, @wishedCommunes, @facts, @householdPatches)
                    WITH ORDINALITY AS r (change_id, application_number, revision, kind, actor, request_id, details,
                                          departement, desk, wished_communes, facts, household_patch, ord)
            ),
            change AS (
                INSERT INTO changes (change_id, application_number, revision, kind, actor, request_id, occurred_at, details,
                                     departement, registering_desk, wished_communes)
                SELECT change_id, application_number, revision, kind, actor, request_id, @occurredAt, CAST(details AS jsonb),
                       departement, desk, ARRAY(SELECT jsonb_array_elements_text(CAST(wished_communes AS jsonb)))
                FROM rows ORDER BY ord
            )
            """ + HistoryStore.InsertManySql;
        var history = entries.Select(e => HistoryStore.ColumnsOf(e.Application, e.Previous)).ToList();
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            sql,
            new
            {
                changeIds = entries.Select(_ => Guid.CreateVersion7(occurredAt)).ToArray(),
                numbers = entries.Select(e => e.Application.Number).ToArray(),
                revisions = entries.Select(e => e.Application.Revision).ToArray(),
                kinds = entries.Select(e => e.Kind).ToArray(),
                actors = entries.Select(e => e.Actor).ToArray(),
                requestIds = entries.Select(e => e.RequestId).ToArray(),
                details = entries.Select(e => JsonSerializer.Serialize(e.Details ?? new { })).ToArray(),
                departements = entries.Select(e => e.Application.Departement).ToArray(),
                desks = entries.Select(e => e.Application.RegisteringDesk).ToArray(),
                wishedCommunes = entries.Select(e => JsonSerializer.Serialize(
                    (e.Application.Household?.Wishes.CommuneCodes ?? []).Union(e.Previous?.Household?.Wishes.CommuneCodes ?? []).ToArray())).ToArray(),
                facts = history.Select(h => h.Facts).ToArray(),
                householdPatches = history.Select(h => h.HouseholdPatch).ToArray(),
                occurredAt = occurredAt.UtcDateTime,
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
