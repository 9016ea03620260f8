using Dapper;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sql.Erp;
using Interop.Adapters.Sql.State;
using Interop.Contracts.V1;
using Npgsql;

namespace Interop.Adapters.Sql.WriteBack;

/// <summary>
/// The SDK's sink: writes a hub change into <c>erp.dossiers</c> and, in the same transaction, the adapter's
/// record of it (the link number ↔ dossier with its revision, the applied change id). A crash leaves
/// either both or neither: the change is never half-applied, and once committed a redelivery is skipped
/// by the SDK (its state store reads these same tables) or, at the latest, here.
/// </summary>
public sealed class DossierWriter(NpgsqlDataSource erp, DossierTranslator translator) : IHubChangeSink
{
    private const string ApplicationsPrefix = "applications/";

    // The outbox trigger skips the writes of a transaction that sets this: they come from the hub.
    private const string NotFromTheErp = "SELECT set_config('interop.applying_hub_change', 'on', true)";

    private const string Applied = "SELECT EXISTS (SELECT 1 FROM interop.applied_changes WHERE change_id = @changeId)";

    private const string FindByReference = "SELECT to_jsonb(d)::text FROM erp.dossiers d WHERE reference = @reference FOR UPDATE";

    private const string FindByNumber = "SELECT to_jsonb(d)::text FROM erp.dossiers d WHERE numero_unique = @number ORDER BY reference LIMIT 1 FOR UPDATE";

    private const string Upsert = """
        INSERT INTO erp.dossiers (reference, origine, numero_unique, civilite, nom, prenom, date_naissance, commune_naissance,
            nationalite, situation_familiale, logement_actuel, pieces_principales, loyer_mensuel, motif, revenu_mensuel, departement, typologie,
            commune_souhaitee, courriel, statut, motif_radiation, renouvele_le, revision_hub, modifie_le)
        SELECT r.reference, r.origine, r.numero_unique, r.civilite, r.nom, r.prenom, r.date_naissance, r.commune_naissance,
            r.nationalite, r.situation_familiale, r.logement_actuel, r.pieces_principales, r.loyer_mensuel, r.motif, r.revenu_mensuel, r.departement,
            r.typologie, r.commune_souhaitee, r.courriel, r.statut, r.motif_radiation, r.renouvele_le, r.revision_hub, now()
        FROM jsonb_populate_record(null::erp.dossiers, @row::jsonb) r
        ON CONFLICT (reference) DO UPDATE SET
            numero_unique = excluded.numero_unique, civilite = excluded.civilite, nom = excluded.nom, prenom = excluded.prenom,
            date_naissance = excluded.date_naissance, commune_naissance = excluded.commune_naissance, nationalite = excluded.nationalite,
            situation_familiale = excluded.situation_familiale, logement_actuel = excluded.logement_actuel,
            pieces_principales = excluded.pieces_principales, loyer_mensuel = excluded.loyer_mensuel, motif = excluded.motif,
            revenu_mensuel = excluded.revenu_mensuel, departement = excluded.departement, typologie = excluded.typologie,
            commune_souhaitee = excluded.commune_souhaitee, courriel = excluded.courriel, statut = excluded.statut,
            motif_radiation = excluded.motif_radiation, revision_hub = excluded.revision_hub, modifie_le = now()
        """;

    private const string Erase = """
        UPDATE erp.dossiers SET statut = 'EFFACE', nom = '', prenom = '', courriel = NULL, date_naissance = NULL, modifie_le = now()
        WHERE reference = @reference
        """;

    /// <inheritdoc />
    public async Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(change);
        var number = change.Application.StartsWith(ApplicationsPrefix, StringComparison.Ordinal) ? change.Application[ApplicationsPrefix.Length..] : change.Application;
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(NotFromTheErp, transaction: transaction, cancellationToken: cancellationToken));
        var existingJson = erpRecordId is not null
            ? await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(FindByReference, new { reference = erpRecordId }, transaction, cancellationToken: cancellationToken))
            : await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(FindByNumber, new { number }, transaction, cancellationToken: cancellationToken));
        var existing = existingJson is null ? null : DossierJson.Parse(existingJson);
        if (await connection.ExecuteScalarAsync<bool>(new CommandDefinition(Applied, new { changeId = change.ChangeId }, transaction, cancellationToken: cancellationToken)))
        {
            // Committed before a crash that came ahead of the SDK's own bookkeeping: nothing more to write.
            return existing?.Reference ?? erpRecordId;
        }

        string? reference;
        if (change.ApplicationState is not { } state)
        {
            // Erased at the hub: the ERP erases its copy too.
            reference = existing?.Reference;
            if (reference is not null)
            {
                await connection.ExecuteAsync(new CommandDefinition(Erase, new { reference }, transaction, cancellationToken: cancellationToken));
            }
        }
        else if (existing is not null && existing.NumeroUnique == number && existing.RevisionHub >= state.Revision)
        {
            // Idempotent on the revision: this one (or a newer one) is written already.
            reference = existing.Reference;
        }
        else
        {
            // An ErpRefusedException here rolls the transaction back: nothing of the change is kept.
            var row = translator.FromContract(state, number, existing, "H-" + number);
            await connection.ExecuteAsync(new CommandDefinition(Upsert, new { row = DossierJson.Write(row) }, transaction, cancellationToken: cancellationToken));
            reference = row.Reference;
        }

        await SqlStateCommands.SaveLinkAsync(connection, transaction, number, reference, change.Revision, cancellationToken);
        await SqlStateCommands.MarkAppliedAsync(connection, transaction, change.ChangeId, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reference;
    }
}
