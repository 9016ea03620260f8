using Dapper;
using Npgsql;

namespace Interop.Adapters.Sql.State;

/// <summary>The writes of the adapter's state that the sink also makes inside its own transaction; the caller owns the transaction.</summary>
internal static class SqlStateCommands
{
    // A dossier moves to another number (a re-link): the old link keeps its number but loses the record,
    // as the SDK's own stores do; the ERP's column follows, with the outbox trigger off (not an ERP change).
    private const string SaveLink = """
        SELECT set_config('interop.applying_hub_change', 'on', true);
        UPDATE interop.links SET erp_record = NULL WHERE erp_record = @record AND number <> @number;
        INSERT INTO interop.links (number, erp_record, revision) VALUES (@number, @record, @revision)
        ON CONFLICT (number) DO UPDATE SET erp_record = coalesce(excluded.erp_record, interop.links.erp_record),
            revision = greatest(interop.links.revision, excluded.revision);
        UPDATE erp.dossiers SET numero_unique = @number WHERE reference = @record AND numero_unique IS DISTINCT FROM @number;
        """;

    // The hub keeps changes 30 days by default (ChangeRetention): an older id never comes again, and the
    // revision check covers any that would.
    private const string MarkApplied = """
        INSERT INTO interop.applied_changes (change_id) VALUES (@changeId) ON CONFLICT (change_id) DO NOTHING;
        DELETE FROM interop.applied_changes WHERE applied_at < now() - interval '45 days';
        """;

    public static Task SaveLinkAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string number, string? record, long revision, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(SaveLink, new { number, record, revision }, transaction, cancellationToken: cancellationToken));

    public static Task MarkAppliedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string changeId, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(MarkApplied, new { changeId }, transaction, cancellationToken: cancellationToken));
}
