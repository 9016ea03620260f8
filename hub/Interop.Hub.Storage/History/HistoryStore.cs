using Dapper;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;
using Npgsql;

namespace Interop.Hub.Storage.History;

/// <summary>
/// The durable history of applications (<c>application_history</c>): one row
/// per revision, appended with the change record in the change's transaction
/// (<see cref="Changes.ChangeLog"/>), never pruned; erasure removes its
/// personal parts (<see cref="Applications.ApplicationStore.EraseAsync"/>).
/// </summary>
public sealed class HistoryStore
{
    /// <summary>The insert <see cref="Changes.ChangeLog"/> runs with its own, in one round trip.</summary>
    internal const string InsertSql = """
        INSERT INTO application_history (application_number, revision, kind, actor, occurred_at, departement, registering_desk,
                                         facts, household_patch)
        VALUES (@applicationNumber, @revision, @kind, @actor, @occurredAt, @departement, @desk,
                CAST(@facts AS jsonb), CAST(@householdPatch AS jsonb))
        """;

    /// <summary>
    /// The insert <see cref="Changes.ChangeLog.AppendManyAsync"/> runs with its own: the history rows of the
    /// CTE <c>rows</c> it declares (one per change, the same columns as <see cref="InsertSql"/>).
    /// </summary>
    internal const string InsertManySql = """
        INSERT INTO application_history (application_number, revision, kind, actor, occurred_at, departement, registering_desk,
                                         facts, household_patch)
        SELECT application_number, revision, kind, actor, @occurredAt, departement, desk,
               CAST(facts AS jsonb), CAST(household_patch AS jsonb)
        FROM rows ORDER BY ord
        """;

    /// <summary>The history's columns for the change that brought <paramref name="previous"/> to <paramref name="application"/>.</summary>
    internal static (string Facts, string? HouseholdPatch) ColumnsOf(ApplicationRecord application, ApplicationRecord? previous) =>
        (HistoryJson.Facts(HistoryFacts.Of(application, previous)),
         HistoryJson.Patch(HouseholdPatch.Between(previous?.Household, application.Household)));

    /// <summary>Every revision of one application, oldest first; empty for an unknown number.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ForApplicationAsync(
        NpgsqlConnection connection, string number, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT application_number, revision, kind, actor, occurred_at, departement, registering_desk,
                   facts::text AS facts, household_patch::text AS household_patch
            FROM application_history WHERE application_number = @number ORDER BY revision
            """;
        var rows = await connection.QueryAsync<HistoryRow>(new CommandDefinition(sql, new { number }, cancellationToken: cancellationToken));
        return rows.Select(row => new HistoryEntry(
                row.ApplicationNumber,
                row.Revision,
                row.Kind,
                row.Actor,
                new DateTimeOffset(DateTime.SpecifyKind(row.OccurredAt, DateTimeKind.Utc)),
                row.Departement,
                row.RegisteringDesk,
                row.Facts is null ? null : HistoryJson.FactsOf(row.Facts),
                HistoryJson.PatchOf(row.HouseholdPatch)))
            .ToList();
    }
}
