using Interop.Adapters.Files.Csv;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Tests.Files;

/// <summary>The Files adapter's inbox against a real hub: an export as a French Windows ERP writes it.</summary>
public sealed class FilesAdapterTests(LandlordsHub hub) : IClassFixture<LandlordsHub>
{
    private const string Header = "dossier;nom;prenom;sexe;date_naissance;commune_naissance;nationalite;situation;logement;motifs;revenu;departement;typologies;communes";

    [Fact]
    public async Task Windows1252ExportWithSemicolons_AndOneBadLine_PushesTheGoodLines_AndMovesTheFileToFailedWithAReportNamingTheBadLine()
    {
        var landlord = await hub.JoinAsync("files-1252");
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        var (first, second, third) = (TestApplications.UniqueName(), TestApplications.UniqueName(), TestApplications.UniqueName());
        var export = string.Join("\r\n",
            Header,
            $"F-1;{first}è;Héloïse;F;03/02/1979;14118;FRA;C;HEB;SANSLOGT;980;14;T2;14118|14327",
            $"F-2;{second};Jérôme;M;31/02/1990;14118;FRA;M;LP;DIVORCE;1200;14;T3;14118",
            $"F-3;{third};Zoé;F;15/06/1995;14327;UE;P;HLM;DIVORCE;1 650;14;T3|T4;14118",
            "");
        // Written elsewhere, then renamed into the inbox: as the ERP must drop its exports.
        var staging = Path.Combine(folder.FullName, "export-2026-03-10.tmp");
        File.WriteAllBytes(staging, CsvText.Windows1252.GetBytes(export));
        await using var adapter = await Running.FilesAsync(hub.Hub.Address, landlord, folder.FullName);
        File.Move(staging, Path.Combine(folder.FullName, "inbox", "export-2026-03-10.csv"));

        var failed = Path.Combine(folder.FullName, "failed");
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(failed, "export-2026-03-10.csv")), "the export moved to failed/");
        Assert.Empty(Directory.GetFiles(Path.Combine(folder.FullName, "inbox")));
        var report = await File.ReadAllTextAsync(Path.Combine(failed, "export-2026-03-10.csv.report.txt"));
        Assert.Contains("encoding: windows-1252", report, StringComparison.Ordinal);
        Assert.Contains("separator: ;", report, StringComparison.Ordinal);
        Assert.Contains("lines accepted by the hub: 2", report, StringComparison.Ordinal);
        Assert.Contains("line 3: 'date_naissance' is '31/02/1990', not a date JJ/MM/AAAA", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 2:", report, StringComparison.Ordinal);
        Assert.DoesNotContain("line 4:", report, StringComparison.Ordinal);

        // The good lines are on file, accents intact and codes mapped; the bad one is not.
        using var reader = hub.Hub.Connect(landlord.ApiKey);
        var one = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + (await adapter.State.FindByErpRecordAsync("F-1", default))!.Number });
        Assert.Equal((first + "è", "Héloïse", HousingSituation.HostedByPrivatePerson, FamilySituation.Single), (one.Applicant.LastName, one.Applicant.FirstNames[0], one.CurrentHousing, one.FamilySituation));
        Assert.Equal([Typology.T2], one.Wishes.Typologies);
        var three = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + (await adapter.State.FindByErpRecordAsync("F-3", default))!.Number });
        Assert.Equal((1650L, NationalityClass.EuropeanUnion), (three.Resources.MonthlyIncomeEur, three.Applicant.NationalityClass));
        Assert.Equal([Typology.T3, Typology.T4], three.Wishes.Typologies);
        Assert.Null(await adapter.State.FindByErpRecordAsync("F-2", default));
        await adapter.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task Utf8ExportWithCommas_AndACodeTheTablesDoNotKnow_ReportsTheHubSideRefusalByLine_AndAGoodFileGoesToDone()
    {
        var landlord = await hub.JoinAsync("files-utf8");
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        await using var adapter = await Running.FilesAsync(hub.Hub.Address, landlord, folder.FullName);
        var header = Header.Replace(';', ',');
        var (good, unknown) = (TestApplications.UniqueName(), TestApplications.UniqueName());
        ErpExport.Drop(folder.FullName, "a.csv", $"{header}\nG-1,{good},\"Anne-Marie\",F,01/01/1980,14118,FRA,C,LP,SANSLOGT,900,14,T1,14118\n");
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(folder.FullName, "done", "a.csv")), "a good file in done/");
        Assert.Contains("lines rejected: 0", await File.ReadAllTextAsync(Path.Combine(folder.FullName, "done", "a.csv.report.txt")), StringComparison.Ordinal);

        ErpExport.Drop(folder.FullName, "b.csv", $"{header}\nU-1,{unknown},Paul,M,01/01/1980,14118,FRA,C,CARAVANE,SANSLOGT,900,14,T1,14118\n");
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(folder.FullName, "failed", "b.csv")), "the file with an unknown code in failed/");
        var report = await File.ReadAllTextAsync(Path.Combine(folder.FullName, "failed", "b.csv.report.txt"));
        Assert.Contains("line 2: ERP code 'CARAVANE' has no mapping in table 'current_housing'", report, StringComparison.Ordinal);
        Assert.NotNull(await adapter.State.FindByErpRecordAsync("G-1", default));
        await adapter.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task ExportWithARegistrationThenItsLease_RegistersThenAttributes_AndTheHubRadiatesTheHouseholdForAttribution()
    {
        var landlord = await hub.JoinAsync("files-lease");
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        await using var adapter = await Running.FilesAsync(hub.Hub.Address, landlord, folder.FullName);
        var name = TestApplications.UniqueName();
        ErpExport.Drop(folder.FullName, "bail.csv",
            Header + ";action;logement_attribue;commune_logement;typologie_logement;contingent;accord_collectif;dalo\n" +
            $"L-1;{name};Anne;F;01/01/1980;14118;FRA;C;LP;SANSLOGT;900;14;T3;14118;INSCRIPTION;;;;;;\n" +
            "L-1;;;;;;;;;;;;;;BAIL;LGT4242;14118;T3;COLTER;ACD;O\n");

        // Handled means in done/ or failed/; a loaded CI machine may take a while for the lease's six hub calls.
        var (done, failed) = (Path.Combine(folder.FullName, "done", "bail.csv"), Path.Combine(folder.FullName, "failed", "bail.csv.report.txt"));
        await Eventually.TrueAsync(() => File.Exists(done) || File.Exists(failed), "the export handled", timeoutSeconds: 120);
        Assert.True(File.Exists(done), File.Exists(failed) ? await File.ReadAllTextAsync(failed) : "not in done/");
        using var reader = hub.Hub.Connect(landlord.ApiKey);
        var number = (await adapter.State.FindByErpRecordAsync("L-1", default))!.Number;
        var application = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
        Assert.Equal((ApplicationStatus.Radiated, RadiationReason.Attribution), (application.Status, application.Radiation.Reason));
        var proposal = Assert.Single((await reader.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        Assert.Equal(("LGT4242", ProposalState.LeaseSigned, ReservationHolder.LocalAuthority), (proposal.DwellingId, proposal.State, proposal.ReservationHolder));
        Assert.Equal((CollectiveAgreement.Departmental, true), (proposal.Lease.CollectiveAgreement, proposal.Lease.Dalo));
        Assert.Empty(await adapter.State.ListDeadLettersAsync(default));
        await adapter.DisposeAsync();
        folder.Delete(recursive: true);
    }

    [Fact]
    public async Task AnExportWrittenInPlace_InTwoBurstsWithAPauseLongerThanThePoll_IsImportedWhole_EachLineOnce_NoLineRefused()
    {
        var landlord = await hub.JoinAsync("files-in-place");
        var folder = Directory.CreateTempSubdirectory("files-adapter-");
        // A 50 ms poll and a 4 s settle time: the 1 s pause below spans many polls, and a loaded machine's late
        // wake-up still stays well inside the settle time.
        var settle = TimeSpan.FromSeconds(4);
        await using var adapter = await Running.FilesAsync(hub.Hub.Address, landlord, folder.FullName, settleTime: settle);

        // First an export dropped the documented way, written a while ago then renamed in: once it is through,
        // the inbox is being polled (its first look at the in-place export comes at once).
        var renamed = Path.Combine(folder.FullName, "export-renamed.part");
        await File.WriteAllTextAsync(renamed, Header + $"\nR-1;{TestApplications.UniqueName()};Anne;F;01/01/1980;14118;FRA;C;LP;SANSLOGT;900;14;T2;14118\n");
        File.SetLastWriteTimeUtc(renamed, DateTime.UtcNow.AddMinutes(-1));
        File.Move(renamed, Path.Combine(folder.FullName, "inbox", "export-renamed.csv"));
        await Eventually.TrueAsync(() => File.Exists(Path.Combine(folder.FullName, "done", "export-renamed.csv")), "the renamed export in done/", timeoutSeconds: 60);
        var names = Enumerable.Range(0, 6).Select(_ => TestApplications.UniqueName()).ToArray();
        var lines = names.Select((name, i) => $"P-{i};{name};Anne;F;01/01/1980;14118;FRA;C;LP;SANSLOGT;900;14;T2;14118").ToArray();
        var text = Header + "\n" + string.Join("\n", lines) + "\n";
        // Cut inside the fourth line, as a scheduler's buffer flush cuts it.
        var cut = text.IndexOf("P-3;", StringComparison.Ordinal) + 10;
        var export = Path.Combine(folder.FullName, "inbox", "export-in-place.csv");

        await using (var writer = new FileStream(export, FileMode.CreateNew, FileAccess.Write, FileShare.Read))
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            await writer.WriteAsync(bytes.AsMemory(0, cut));
            await writer.FlushAsync();
            // The ERP's pause between two bursts: the scenario itself, not a wait for the adapter.
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.True(File.Exists(export), "the export was taken while it was being written");
            await writer.WriteAsync(bytes.AsMemory(cut));
        }

        var (done, failed) = (Path.Combine(folder.FullName, "done", "export-in-place.csv"), Path.Combine(folder.FullName, "failed", "export-in-place.csv.report.txt"));
        await Eventually.TrueAsync(() => File.Exists(done) || File.Exists(failed), "the export handled", timeoutSeconds: 120);
        Assert.True(File.Exists(done), File.Exists(failed) ? await File.ReadAllTextAsync(failed) : "not in done/");
        Assert.Equal(text, await File.ReadAllTextAsync(done));
        var report = await File.ReadAllTextAsync(done + ".report.txt");
        Assert.Contains($"lines accepted by the hub: {names.Length}\nlines rejected: 0\n", report, StringComparison.Ordinal);

        // Each line once at the hub: one application per household, each linked to its dossier.
        using var reader = hub.Hub.Connect(landlord.ApiKey);
        var numbers = new List<string>();
        foreach (var i in Enumerable.Range(0, names.Length))
        {
            var link = await adapter.State.FindByErpRecordAsync($"P-{i}", default);
            Assert.NotNull(link);
            var application = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + link.Number });
            Assert.Equal(names[i], application.Applicant.LastName);
            numbers.Add(link.Number);
        }

        Assert.Equal(names.Length, numbers.Distinct().Count());
        // Pushed once each (a line read twice would come back linked as its own duplicate, or not at all).
        Assert.Equal(((long)names.Length + 1, 0L, 0L), (adapter.Metrics.Pushed, adapter.Metrics.Linked, adapter.Metrics.DeadLettered));
        Assert.Empty(await adapter.State.ListDeadLettersAsync(default));
        await adapter.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
