using Dapper;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sql.Outbox;

namespace Interop.Adapters.Tests.Sql;

/// <summary>The SQL adapter's outbox relay against a real PostgreSQL: what the trigger writes, and in which order it is relayed.</summary>
public sealed class OutboxSourceTests
{
    [Fact]
    public async Task ARowOfAnOpenTransaction_HoldsBackARowCommittedAfterIt_ThenBothComeInTheOrderTheyWereWritten()
    {
        await using var erp = await SqlErp.CreateAsync();
        var source = new OutboxSource(erp);
        await using var slow = await erp.OpenConnectionAsync();
        await using var open = await slow.BeginTransactionAsync();
        await SqlErp.InsertAsync(slow, "D-1", open);
        await using (var fast = await erp.OpenConnectionAsync())
        {
            await SqlErp.InsertAsync(fast, "D-2");
        }

        // A relay that took D-2 now would move its marker past D-1, which commits later: never seen again.
        Assert.Empty(await source.ReadChangesAsync(null, 100, default));
        await open.CommitAsync();

        IReadOnlyList<ErpChange> changes = [];
        // xmin is the cluster's: another test's transaction may hold the relay back a moment longer.
        await Eventually.TrueAsync(async () => (changes = await source.ReadChangesAsync(null, 100, default)).Count == 2, "both rows relayed");
        Assert.Equal(["D-1", "D-2"], changes.Select(c => c.ErpRecordId));
        Assert.All(changes, c => Assert.Equal(ErpChangeKind.Register, c.Kind));
        Assert.Equal(changes.Select(c => c.ChangeId), (await source.ReadChangesAsync(null, 100, default)).Select(c => c.ChangeId));
        Assert.Equal(["D-2"], (await source.ReadChangesAsync(changes[0].Marker, 100, default)).Select(c => c.ErpRecordId));
        Assert.Empty(await source.ReadChangesAsync(changes[1].Marker, 100, default));
    }

    [Fact]
    public async Task AChangeOfIncomeAndHousing_IsOneUpdateNamingBoth_ARadiationIsARadiation_AndAColumnTheHubDoesNotHoldIsNothing()
    {
        await using var erp = await SqlErp.CreateAsync();
        var source = new OutboxSource(erp);
        await using var connection = await erp.OpenConnectionAsync();
        await SqlErp.InsertAsync(connection, "D-1");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET revenu_mensuel = 1600, logement_actuel = 'HOTEL' WHERE reference = 'D-1'");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET modifie_le = now() WHERE reference = 'D-1'");
        await connection.ExecuteAsync("UPDATE erp.dossiers SET statut = 'RADIE', motif_radiation = 'ABANDON' WHERE reference = 'D-1'");

        IReadOnlyList<ErpChange> changes = [];
        await Eventually.TrueAsync(async () => (changes = await source.ReadChangesAsync(null, 100, default)).Count == 3, "three changes relayed");
        Assert.Equal([ErpChangeKind.Register, ErpChangeKind.Update, ErpChangeKind.Radiate], changes.Select(c => c.Kind));
        Assert.Equal(["resources", "current_housing"], changes[1].ChangedFields);
        Assert.Equal(1600, changes[1].Application!.Resources.MonthlyIncomeEur);
        Assert.Contains(new ErpCode("current_housing", "HOTEL"), changes[1].Codes);
        Assert.Equal("ABANDON", changes[2].RadiationReasonCode);
    }
}
