using Dapper;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sql.Outbox;

namespace Interop.Adapters.Tests.Sql;

/// <summary>The sample ERP's leases (<c>erp.baux</c>) and current dwelling through the outbox, against a real PostgreSQL.</summary>
public sealed class LeaseOutboxTests
{
    [Fact]
    public async Task ALeaseNamingOnlyTheHubsNumber_IsRelayedAsAnAttributionOfItsDossier_AndClosesTheDossierWithoutARadiation()
    {
        await using var erp = await SqlErp.CreateAsync();
        var source = new OutboxSource(erp);
        await using var connection = await erp.OpenConnectionAsync();
        await SqlErp.InsertAsync(connection, "D-1");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET numero_unique = 'N0001' WHERE reference = 'D-1'");
        await connection.ExecuteAsync(
            """
            INSERT INTO erp.baux (numero_unique, logement, commune, typologie, reservataire, accord_collectif, date_effet, dalo)
            VALUES ('N0001', 'LGT0042', '14118', 'F2', 'COMMUNE', 'ACD', DATE '2026-11-02', true)
            """);

        IReadOnlyList<ErpChange> changes = [];
        await Eventually.TrueAsync(async () => (changes = await source.ReadChangesAsync(null, 100, default)).Count == 2, "the registration and the lease relayed");
        Assert.Equal([ErpChangeKind.Register, ErpChangeKind.Attribute], changes.Select(c => c.Kind));
        var lease = changes[1];
        Assert.Equal("D-1", lease.ErpRecordId);
        Assert.Equal(
            new ErpAttribution
            {
                DwellingId = "LGT0042",
                CommuneCode = "14118",
                TypologyCode = "F2",
                ReservationHolderCode = "COMMUNE",
                CollectiveAgreementCode = "ACD",
                CalDecisionDate = new DateOnly(2026, 11, 2),
                LeaseDate = new DateOnly(2026, 11, 2),
                Dalo = true,
                Reached = ErpAttributionStep.LeaseSigned,
            },
            lease.Attribution);
        // The household is housed: closed in the ERP, but no RADIATE for the hub (the lease radiates it there).
        Assert.Equal(("RADIE", "ATTRIB"), await connection.QuerySingleAsync<(string, string)>("SELECT statut, motif_radiation FROM erp.dossiers WHERE reference = 'D-1'"));
        Assert.Equal(["REGISTER", "BAIL"], await connection.QueryAsync<string>("SELECT operation FROM interop.outbox ORDER BY position"));
    }

    [Fact]
    public async Task ALeaseOfADossierTheErpDoesNotHold_IsStillRelayed_ForTheSdkToDeadLetter()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var connection = await erp.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO erp.baux (numero_unique, logement, commune, typologie, date_effet) VALUES ('N9999', 'LGT0043', '14118', 'F3', DATE '2026-11-02')");

        IReadOnlyList<ErpChange> changes = [];
        await Eventually.TrueAsync(async () => (changes = await new OutboxSource(erp).ReadChangesAsync(null, 100, default)).Count == 1, "the lease relayed");
        Assert.Equal((ErpChangeKind.Attribute, "numero:N9999"), (changes[0].Kind, changes[0].ErpRecordId));
    }

    [Fact]
    public async Task AChangeOfRoomsOrRent_IsAnUpdateOfTheCurrentDwelling_WithBothFacts_AndAnUnknownOneStaysUnset()
    {
        await using var erp = await SqlErp.CreateAsync();
        await using var connection = await erp.OpenConnectionAsync();
        await SqlErp.InsertAsync(connection, "D-1");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET pieces_principales = 3 WHERE reference = 'D-1'");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET loyer_mensuel = 0 WHERE reference = 'D-1'");

        IReadOnlyList<ErpChange> changes = [];
        await Eventually.TrueAsync(async () => (changes = await new OutboxSource(erp).ReadChangesAsync(null, 100, default)).Count == 3, "three changes relayed");
        Assert.Null(changes[0].Application!.CurrentDwelling);
        Assert.Equal(["current_dwelling"], changes[1].ChangedFields);
        Assert.Equal((true, 3, false), (changes[1].Application!.CurrentDwelling.HasMainRooms, changes[1].Application!.CurrentDwelling.MainRooms, changes[1].Application!.CurrentDwelling.HasMonthlyRentEur));
        Assert.Equal(["current_dwelling"], changes[2].ChangedFields);
        Assert.Equal((3, true, 0L), (changes[2].Application!.CurrentDwelling.MainRooms, changes[2].Application!.CurrentDwelling.HasMonthlyRentEur, changes[2].Application!.CurrentDwelling.MonthlyRentEur));
    }
}
