using System.Globalization;
using Dapper;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sql.Erp;
using Npgsql;

namespace Interop.Adapters.Sql.Outbox;

/// <summary>
/// The SDK's source over the ERP's outbox table: rows get a relay sequence once their transaction is over,
/// and the SDK's marker is that sequence. Change ids are the outbox positions, so a crash and a new read
/// give the same changes with the same ids (and so the same request ids at the hub).
/// </summary>
public sealed class OutboxSource(NpgsqlDataSource erp) : IErpChangeSource
{
    // Positions come from a sequence in insertion order, but transactions commit in another order: a reader
    // that moved its marker past position 7 while the transaction holding position 5 was still open would
    // never see 5. So rows are ordered by a second number, given here, and only to rows whose writing
    // transaction is older than every transaction still running (xid below the snapshot's xmin): no row can
    // ever appear before them. Within such a batch, position order is the order in which the rows were
    // written, which for one dossier is its commit order (a second writer waits for the first's row lock).
    // One relay at a time (advisory lock), so two adapters on one ERP never interleave their numbering.
    private const string Sequence = """
        SELECT pg_advisory_xact_lock(hashtext('interop.outbox.relay'));
        WITH pending AS (
            SELECT position, dossier_reference, row_number() OVER (ORDER BY position) AS n
            FROM interop.outbox
            WHERE sequence IS NULL AND writer_xid < pg_snapshot_xmin(pg_current_snapshot())
              -- Never before an older row of the same dossier still waiting for its transaction's
              -- horizon (a writer whose xid predates a long transaction can commit its row after that
              -- older one): the older row is numbered first, in a later pass, and nothing it carries is lost.
              AND NOT EXISTS (
                  SELECT 1 FROM interop.outbox older
                  WHERE older.dossier_reference = outbox.dossier_reference AND older.sequence IS NULL AND older.position < outbox.position)
        ), top AS (
            SELECT coalesce(max(sequence), 0) AS last FROM interop.outbox
        )
        UPDATE interop.outbox o
        SET sequence = top.last + pending.n
        FROM pending, top
        WHERE o.position = pending.position;
        """;

    private const string Read = """
        SELECT position, sequence, dossier_reference AS DossierReference, operation, changed_fields AS ChangedFields, payload::text AS payload, changed_at AS ChangedAt
        FROM interop.outbox
        WHERE sequence > @after
        ORDER BY sequence
        LIMIT @max
        """;

    /// <inheritdoc />
    public async Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken)
    {
        var after = afterMarker is null ? 0 : long.Parse(afterMarker, CultureInfo.InvariantCulture);
        await using var connection = await erp.OpenConnectionAsync(cancellationToken);
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
        {
            await connection.ExecuteAsync(new CommandDefinition(Sequence, transaction: transaction, cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
        }

        var rows = await connection.QueryAsync<OutboxRow>(new CommandDefinition(Read, new { after, max = maxCount }, cancellationToken: cancellationToken));
        return [.. rows.Select(ToErpChange)];
    }

    private static ErpChange ToErpChange(OutboxRow row) => row.Operation == "BAIL" ? ToAttribution(row) : ToDossierChange(row);

    /// <summary>
    /// A signed lease: the SDK takes the hub's proposal of the dwelling up to the signed lease. The ERP records only
    /// the lease's start date, so the CAL's decision is dated with it too (the offer and the answer follow the CAL's);
    /// a date after today is refused by the SDK before any call to the hub (a dead letter naming the date).
    /// </summary>
    private static ErpChange ToAttribution(OutboxRow row)
    {
        var lease = DossierJson.ParseLease(row.Payload);
        return new ErpChange
        {
            ChangeId = "outbox-" + row.Position.ToString(CultureInfo.InvariantCulture),
            ErpRecordId = row.DossierReference,
            Kind = ErpChangeKind.Attribute,
            Marker = row.Sequence.ToString(CultureInfo.InvariantCulture),
            Attribution = new ErpAttribution
            {
                DwellingId = lease.Logement,
                CommuneCode = lease.Commune,
                TypologyCode = lease.Typologie,
                ReservationHolderCode = lease.Reservataire,
                CollectiveAgreementCode = lease.AccordCollectif,
                CalDecisionDate = lease.DateEffet,
                LeaseDate = lease.DateEffet,
                Dalo = lease.Dalo,
                Reached = ErpAttributionStep.LeaseSigned,
            },
            ChangedAt = new DateTimeOffset(DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc)),
        };
    }

    private static ErpChange ToDossierChange(OutboxRow row)
    {
        var dossier = DossierJson.Parse(row.Payload);
        var (application, codes) = DossierTranslator.ToContract(dossier);
        var kind = row.Operation switch
        {
            "REGISTER" => ErpChangeKind.Register,
            "UPDATE" => ErpChangeKind.Update,
            "RENEW" => ErpChangeKind.Renew,
            "RADIATE" => ErpChangeKind.Radiate,
            _ => throw new InvalidDataException($"Outbox row {row.Position} has an unknown operation '{row.Operation}'."),
        };
        return new ErpChange
        {
            ChangeId = "outbox-" + row.Position.ToString(CultureInfo.InvariantCulture),
            ErpRecordId = row.DossierReference,
            Kind = kind,
            Marker = row.Sequence.ToString(CultureInfo.InvariantCulture),
            Application = application,
            Codes = codes,
            ChangedFields = row.ChangedFields,
            RadiationReasonCode = kind == ErpChangeKind.Radiate ? dossier.MotifRadiation : null,
            ChangedAt = new DateTimeOffset(DateTime.SpecifyKind(row.ChangedAt, DateTimeKind.Utc)),
        };
    }
}
