using Dapper;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sql.Erp;
using Interop.Adapters.Sql.State;
using Interop.Adapters.Sql.WriteBack;
using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Interop.Adapters.Tests.Sql;

/// <summary>The SQL adapter's write-back against a real PostgreSQL: one transaction with its record, no echo, nothing of a refusal.</summary>
public sealed class DossierWriterTests
{
    [Fact]
    public async Task AHubChange_IsWrittenInTheErpsCodes_WithItsLinkAndItsId_AndIsNotEchoedToTheOutbox()
    {
        await using var erp = await SqlErp.CreateAsync();
        var writer = Writer(erp);

        var reference = await writer.ApplyAsync(Change("c-1", "N0001", 3), null, default);

        Assert.Equal("H-N0001", reference);
        await using var connection = await erp.OpenConnectionAsync();
        var dossier = await connection.QuerySingleAsync<(string Numero, string Civilite, string Logement, string Typologie, long Revision)>(
            "SELECT numero_unique, civilite, logement_actuel, typologie, revision_hub FROM erp.dossiers WHERE reference = 'H-N0001'");
        Assert.Equal(("N0001", "MME", "LOCPRIVE", "F3", 3L), dossier);
        await using (var state = await SqlAdapterStateStore.OpenAsync(erp, default))
        {
            Assert.Equal(new Sdk.State.ApplicationLink("N0001", "H-N0001", 3), await state.FindByNumberAsync("N0001", default));
            Assert.True(await state.WasAppliedAsync("c-1", default));
        }

        Assert.Equal(0, await connection.QuerySingleAsync<long>("SELECT count(*) FROM interop.outbox"));

        // Delivered again (a crash before the SDK's own bookkeeping): nothing written twice.
        var modified = await connection.QuerySingleAsync<DateTime>("SELECT modifie_le FROM erp.dossiers WHERE reference = 'H-N0001'");
        Assert.Equal("H-N0001", await writer.ApplyAsync(Change("c-1", "N0001", 3), null, default));
        Assert.Equal(modified, await connection.QuerySingleAsync<DateTime>("SELECT modifie_le FROM erp.dossiers WHERE reference = 'H-N0001'"));
    }

    [Fact]
    public async Task AHubChangeTheErpHasNoCodeFor_IsRefused_AndLeavesNeitherDossierNorLinkNorId()
    {
        await using var erp = await SqlErp.CreateAsync();
        var change = Change("c-2", "N0002", 1);
        change.ApplicationState.CurrentHousing = HousingSituation.Shelter;

        var refusal = await Assert.ThrowsAsync<ErpRefusedException>(() => Writer(erp).ApplyAsync(change, null, default));

        Assert.Contains("current_housing", refusal.Message, StringComparison.Ordinal);
        await using var connection = await erp.OpenConnectionAsync();
        Assert.Equal(0, await connection.QuerySingleAsync<long>("SELECT count(*) FROM erp.dossiers"));
        await using var state = await SqlAdapterStateStore.OpenAsync(erp, default);
        Assert.Null(await state.FindByNumberAsync("N0002", default));
        Assert.False(await state.WasAppliedAsync("c-2", default));
    }

    [Fact]
    public async Task AnotherLandlordsLease_ClosesTheDossierForAttribution_AndTheCurrentDwellingIsWrittenAsTheHubHoldsIt()
    {
        await using var erp = await SqlErp.CreateAsync();
        var writer = Writer(erp);
        var registered = Change("c-1", "N0003", 1);
        registered.ApplicationState.CurrentDwelling = new CurrentDwellingFacts { MainRooms = 2 };
        await writer.ApplyAsync(registered, null, default);
        var radiated = Change("c-2", "N0003", 6);
        radiated.Kind = ChangeKind.Radiated;
        radiated.ApplicationState.Status = ApplicationStatus.Radiated;
        radiated.ApplicationState.Radiation = new Radiation { Reason = RadiationReason.Attribution };
        radiated.ApplicationState.CurrentDwelling = new CurrentDwellingFacts { MainRooms = 2, MonthlyRentEur = 0 };

        await writer.ApplyAsync(radiated, "H-N0003", default);

        await using var connection = await erp.OpenConnectionAsync();
        var dossier = await connection.QuerySingleAsync<(string Statut, string Motif, int? Pieces, int? Loyer, long Revision)>(
            "SELECT statut, motif_radiation, pieces_principales, loyer_mensuel, revision_hub FROM erp.dossiers WHERE reference = 'H-N0003'");
        Assert.Equal(("RADIE", "ATTRIB", (int?)2, (int?)0, 6L), dossier);
        Assert.Equal(0, await connection.QuerySingleAsync<long>("SELECT count(*) FROM interop.outbox"));
    }

    private static DossierWriter Writer(NpgsqlDataSource erp) =>
        new(erp, new DossierTranslator(new ConfigurationBuilder().AddInMemoryCollection(SqlErpCodes.Mappings).Build().GetSection("Adapter:Mappings")));

    private static Change Change(string id, string number, long revision)
    {
        var application = TestApplications.Valid();
        application.Name = "applications/" + number;
        application.Number = number;
        application.Revision = revision;
        application.Status = ApplicationStatus.Active;
        return new Change { ChangeId = id, Application = "applications/" + number, Revision = revision, Kind = ChangeKind.Registered, ApplicationState = application };
    }
}
