using System.Text;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Tests.Files;
using Interop.Client;
using Interop.Testing;

namespace Interop.Adapters.Tests.EndToEnd;

/// <summary>
/// A real hub and three landlords, each behind its adapter as it runs in production: landlord 1 and
/// landlord 3 on simulated ERPs, landlord 2 on the Files adapter (CSV exports in, dated files out).
/// </summary>
public sealed class ThreeLandlordsTests(LandlordsHub hub) : IClassFixture<LandlordsHub>
{
    [Fact]
    public async Task HouseholdRegisteredAtOne_ReachesTheOthers_TypedAgainAtTwoIsLinked_AndALeaseAtThreeRadiatesItEverywhere()
    {
        var (landlord1, landlord2, landlord3) = (await hub.JoinAsync("erp-one"), await hub.JoinAsync("files-two"), await hub.JoinAsync("erp-three"));
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        await using var one = await Running.SimulatorAsync(hub.Hub.Address, landlord1, seed: 1);
        await using var two = await Running.FilesAsync(hub.Hub.Address, landlord2, folder.FullName);
        await using var three = await Running.SimulatorAsync(hub.Hub.Address, landlord3, seed: 3);
        var household = Households.New();

        // Registered at landlord 1's desk, in its ERP's own codes.
        var reference = one.Erp.Register(household);
        var number = (await LinkedAsync(one, reference)).Number;

        // It reaches landlord 3's ERP as a dossier of its own shape, and landlord 2's outbox as a file.
        await Eventually.TrueAsync(() => three.Erp.FindByNumber(number).Count == 1, "the household in landlord 3's ERP");
        var atThree = Assert.Single(three.Erp.FindByNumber(number));
        Assert.Equal((household.Nom, "F", "SEPARE", "LOCPRIV", "T3", "ACTIF"), (atThree.Nom, atThree.Sexe, atThree.Situation, atThree.Logement, atThree.Typologie, atThree.Statut));
        var outbox = Path.Combine(folder.FullName, "outbox");
        await Eventually.TrueAsync(() => OutboxLines(outbox, number).Any(l => l.Contains("CHANGE_KIND_REGISTERED", StringComparison.Ordinal)), "the registration in landlord 2's outbox");

        // Landlord 2 types the same household in its ERP, which exports it: the hub catches it, the adapter links it.
        ErpExport.Drop(folder.FullName, "export-1.csv",
            "dossier;nom;prenom;sexe;date_naissance;commune_naissance;nationalite;situation;logement;motifs;revenu;departement;typologies;communes\n" +
            $"F-77;{household.Nom};Camille;F;12/04/1988;14118;FRA;S;LP;DIVORCE;1450;14;T3;14118\n");
        var linked = await LinkedAsync(two, "F-77");
        Assert.Equal(number, linked.Number);
        Assert.Equal(1, two.Metrics.Linked);
        Assert.Equal(1, await ApplicationsOfAsync(household.Nom));
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(folder.FullName, "done", "export-1.csv")), "the export in done/");

        // Landlord 3 signs a lease with the household in its ERP; its adapter pushes the attribution and the
        // hub radiates the household for attribution, everywhere.
        three.Erp.SignLease(atThree.Reference, new Bail("LGT000777", "14118", "T3"));
        await Eventually.TrueAsync(() => one.Erp.Find(reference) is { Statut: "RADIE", MotifRadiation: "BAIL" }, "radiated for attribution in landlord 1's ERP");
        await Eventually.TrueAsync(
            () => OutboxLines(outbox, number).Any(l => l.Contains("CHANGE_KIND_RADIATED;", StringComparison.Ordinal) && l.Contains("APPLICATION_STATUS_RADIATED;BAIL;F-77", StringComparison.Ordinal)),
            "the radiation in landlord 2's outbox, for its dossier F-77, with its own reason code BAIL");
        Assert.Equal("RADIE", three.Erp.Find(atThree.Reference)!.Statut);
        using var reader = hub.Hub.Connect(landlord1.ApiKey);
        var application = await reader.Registry.GetApplicationAsync(new Contracts.V1.GetApplicationRequest { Name = "applications/" + number });
        Assert.Equal(Contracts.V1.RadiationReason.Attribution, application.Radiation.Reason);
        // Proposals are read by the landlord that made them.
        using var threeReader = hub.Hub.Connect(landlord3.ApiKey);
        var proposal = Assert.Single((await threeReader.Attributions.ListProposalsAsync(new Contracts.V1.ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        Assert.Equal(("LGT000777", Contracts.V1.ProposalState.LeaseSigned), (proposal.DwellingId, proposal.State));
        Assert.Empty(await three.State.ListDeadLettersAsync(default));
        Assert.Empty(await one.State.ListDeadLettersAsync(default));
        Assert.Empty(await two.State.ListDeadLettersAsync(default));
        await two.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task OutboxFiles_AreWholeFilesOnly_OwnerReadable_NeverATemporaryOneInTheOutboxItself()
    {
        var (landlord1, landlord2) = (await hub.JoinAsync("erp-atomic"), await hub.JoinAsync("files-atomic"));
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        await using var one = await Running.SimulatorAsync(hub.Hub.Address, landlord1, seed: 5);
        await using var two = await Running.FilesAsync(hub.Hub.Address, landlord2, folder.FullName);
        var numbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            numbers.Add((await LinkedAsync(one, one.Erp.Register(Households.New()))).Number);
        }

        var outbox = Path.Combine(folder.FullName, "outbox");
        await Eventually.TrueAsync(() => numbers.All(n => OutboxLines(outbox, n).Any()), "every registration in the outbox");
        foreach (var file in Directory.GetFiles(outbox))
        {
            Assert.EndsWith(".csv", file, StringComparison.Ordinal);
            var lines = File.ReadAllLines(file, Encoding.UTF8);
            Assert.Equal(2, lines.Length);
            Assert.StartsWith("numero;evenement;revision;statut", lines[0], StringComparison.Ordinal);
            if (!OperatingSystem.IsWindows())
            {
                // Applicants' personal data: readable by the adapter's own account only.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            }
        }

        Assert.Empty(Directory.GetFiles(Path.Combine(outbox, ".tmp")));
        await two.DisposeAsync();
        folder.Delete(recursive: true);
    }

    private static async Task<Sdk.State.ApplicationLink> LinkedAsync(Running adapter, string erpRecordId)
    {
        Sdk.State.ApplicationLink? link = null;
        await Eventually.TrueAsync(async () => (link = await adapter.State.FindByErpRecordAsync(erpRecordId, default)) is not null, $"ERP record {erpRecordId} linked to a number");
        return link!;
    }

    private static IEnumerable<string> OutboxLines(string outbox, string number) =>
        Directory.GetFiles(outbox, $"*-{number}.csv").SelectMany(f => File.ReadAllLines(f).Skip(1));

    private async Task<long> ApplicationsOfAsync(string lastName) =>
        (await new DatabaseProbe(hub.Hub.ConnectionString).QueryAsync<long>(
            "select count(*) from applications where household::text like '%' || @lastName || '%'", new { lastName }))[0];
}
