using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Interop.Adapters.Files.Hosting;
using Interop.Adapters.Sdk.State;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Adapters.Conformance.Tests.Harnesses;

/// <summary>
/// The Files adapter over a temporary folder, in process: the harness's desk drops CSV exports into
/// <c>inbox/</c> and reads the hub's changes from <c>outbox/</c>; the state file survives the host's restarts.
/// </summary>
internal sealed class FilesHarness : IAdapterHarness
{
    private const string Header = "dossier;nom;prenom;sexe;date_naissance;commune_naissance;nationalite;situation;logement;motifs;revenu;departement;typologies;communes";

    private readonly InProcessHost host = new();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("conformance-files-");
    private int exports;
    private int records;

    private string StateFile => Path.Combine(folder.FullName, "state", "adapter-state.json");

    public IReadOnlyList<string> CommandLine(ConformanceLandlord landlord) =>
        ["--hub", landlord.Hub.ToString(), "--api-key", landlord.ApiKey, "--organization", landlord.OrganizationId, "--desk", landlord.Desk, "--folder", folder.FullName];

    public async Task<(int ExitCode, string Error)> RunInvalidCommandLineAsync(IReadOnlyList<string> args)
    {
        var error = new StringWriter();
        var code = await FilesCommandLine.RunAsync([.. args], error);
        return (code, error.ToString());
    }

    public Task StartAsync(ConformanceLandlord landlord) =>
        host.StartAsync(FilesHost.Build(
            new FilesSettings
            {
                Hub = landlord.Hub,
                ApiKey = landlord.ApiKey,
                Organization = landlord.OrganizationId,
                Desk = landlord.Desk,
                Folder = folder.FullName,
                PollInterval = TimeSpan.FromMilliseconds(50),
                SettleTime = TimeSpan.FromMilliseconds(200),
            },
            TextWriter.Null,
            configure: InProcessHost.Fast));

    public Task StopAsync() => host.StopAsync();

    public Task CrashAsync() => host.CrashAsync();

    public Task<string> TypeAsync(ConformanceHousehold household)
    {
        var record = "K-" + Interlocked.Increment(ref records).ToString("D5", CultureInfo.InvariantCulture);
        string[] fields =
        [
            record,
            household.LastName,
            household.FirstName,
            ErpCode("applicant.sex", household.Sex),
            household.BirthDate.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            household.BirthCommune,
            ErpCode("applicant.nationality_class", household.Nationality),
            ErpCode("family_situation", household.FamilySituation),
            household.Housing == ConformanceHousehold.Unmapped ? "CARAVANE" : ErpCode("current_housing", household.Housing),
            ErpCode("reason_codes", household.Reason),
            household.MonthlyIncome.ToString(CultureInfo.InvariantCulture),
            household.Departement,
            ErpCode("wishes.typologies", household.Typology),
            household.WishedCommune,
        ];
        // The dwelling's columns only when the household has facts: an export without them must still go through.
        var (dwellingHeader, dwellingFields) = household.MainRooms is null && household.MonthlyRentEur is null
            ? ("", "")
            : (";pieces;loyer", $";{household.MainRooms?.ToString(CultureInfo.InvariantCulture)};{household.MonthlyRentEur?.ToString(CultureInfo.InvariantCulture)}");
        Drop(Header + dwellingHeader + "\n" + string.Join(';', fields) + dwellingFields + "\n");
        return Task.FromResult(record);
    }

    public Task UpdateIncomeAsync(string recordId, int monthlyIncome)
    {
        Drop($"dossier;action;revenu\n{recordId};MODIFICATION;{monthlyIncome.ToString(CultureInfo.InvariantCulture)}\n");
        return Task.CompletedTask;
    }

    public Task SignLeaseAsync(string recordId, ConformanceLease lease)
    {
        string[] fields =
        [
            recordId,
            "BAIL",
            lease.DwellingId,
            lease.CommuneCode,
            ErpCode("proposal.typology", lease.Typology),
            ErpCode("proposal.reservation_holder", lease.ReservationHolder),
            ErpCode("lease.collective_agreement", lease.CollectiveAgreement),
            lease.Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        ];
        Drop("dossier;action;logement_attribue;commune_logement;typologie_logement;contingent;accord_collectif;date_bail\n" + string.Join(';', fields) + "\n");
        return Task.CompletedTask;
    }

    public async Task<string?> NumberOfAsync(string recordId) =>
        await ReadStateAsync(async state => (await state.FindByErpRecordAsync(recordId, default))?.Number, null);

    public Task<IReadOnlyList<ErpRecord>> ReadByNumberAsync(string number)
    {
        var outbox = Path.Combine(folder.FullName, "outbox");
        var files = Directory.Exists(outbox) ? Directory.GetFiles(outbox, $"*-{number}.csv") : [];
        return Task.FromResult<IReadOnlyList<ErpRecord>>([.. files.Select(Parse)]);
    }

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync() =>
        await ReadStateAsync(async state => await state.ListDeadLettersAsync(default), []);

    /// <summary>The ERP drops its exports again, and the state file is one restored from before they were read.</summary>
    public async Task RewindAsync()
    {
        foreach (var export in Directory.GetFiles(Path.Combine(folder.FullName, "done"), "*.csv"))
        {
            File.Move(export, Path.Combine(folder.FullName, "inbox", Path.GetFileName(export)));
        }

        var state = JsonNode.Parse(await File.ReadAllTextAsync(StateFile))!;
        state["OutboundMarker"] = null;
        await File.WriteAllTextAsync(StateFile, state.ToJsonString());
    }

    public string ErpCode(string table, string contractCode) => MappingTables.ErpCodeOf(FilesCodes.Mappings, table, contractCode);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        folder.Delete(recursive: true);
    }

    // The running adapter's own store (it holds the state file: another store on it is refused), else the file.
    private async Task<T> ReadStateAsync<T>(Func<IAdapterStateStore, Task<T>> read, T none)
    {
        if (host.Services?.GetRequiredService<IAdapterStateStore>() is { } running)
        {
            return await read(running);
        }

        if (!File.Exists(StateFile))
        {
            return none;
        }

        using var stopped = FileAdapterStateStore.Open(StateFile);
        return await read(stopped);
    }

    // Written elsewhere then renamed into the inbox, as the ERP must drop its exports; named in order.
    private void Drop(string content)
    {
        var name = "export-" + Interlocked.Increment(ref exports).ToString("D5", CultureInfo.InvariantCulture) + ".csv";
        var staging = Path.Combine(folder.FullName, name + ".tmp");
        File.WriteAllText(staging, content, new UTF8Encoding(false));
        Directory.CreateDirectory(Path.Combine(folder.FullName, "inbox"));
        File.Move(staging, Path.Combine(folder.FullName, "inbox", name));
    }

    private static ErpRecord Parse(string file)
    {
        var lines = File.ReadAllLines(file);
        var header = lines[0].Split(';');
        var values = lines[1].Split(';');
        string Column(string name) => values[Array.IndexOf(header, name)];
        string? Optional(string name) => Array.IndexOf(header, name) is >= 0 and var i && values[i].Length > 0 ? values[i] : null;
        return new ErpRecord(
            Path.GetFileName(file),
            Column("numero"),
            long.Parse(Column("revision"), CultureInfo.InvariantCulture),
            Column("nom"),
            int.Parse(Column("revenu"), CultureInfo.InvariantCulture),
            new Dictionary<string, string>
            {
                ["applicant.sex"] = Column("sexe"),
                ["current_housing"] = Column("logement"),
                ["family_situation"] = Column("situation"),
                ["wishes.typologies"] = Column("typologies"),
            },
            Column("statut") == "APPLICATION_STATUS_ACTIVE",
            Optional("pieces") is { } rooms ? int.Parse(rooms, CultureInfo.InvariantCulture) : null,
            Optional("loyer") is { } rent ? long.Parse(rent, CultureInfo.InvariantCulture) : null);
    }
}
