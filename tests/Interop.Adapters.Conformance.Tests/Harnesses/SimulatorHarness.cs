using Interop.Adapters.Sdk.State;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Hosting;
using Microsoft.Extensions.Configuration;

namespace Interop.Adapters.Conformance.Tests.Harnesses;

/// <summary>The simulated landlord ERP (in memory) behind its SDK host, in process; its ERP and state survive the host's restarts.</summary>
internal sealed class SimulatorHarness : IAdapterHarness
{
    private const int Seed = 7;

    private readonly InProcessHost host = new();
    private readonly InMemoryAdapterStateStore state = new();
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("conformance-simulator-");
    private readonly SimulatedErp erp = new(
        SimulatorHost.ReferencePrefix(Seed),
        new ConfigurationBuilder().AddInMemoryCollection(ErpCodes.Mappings).Build().GetSection("Adapter:Mappings"),
        TimeProvider.System);

    public IReadOnlyList<string> CommandLine(ConformanceLandlord landlord) =>
        ["--hub", landlord.Hub.ToString(), "--api-key", landlord.ApiKey, "--organization", landlord.OrganizationId, "--desk", landlord.Desk, "--data", folder.FullName];

    public async Task<(int ExitCode, string Error)> RunInvalidCommandLineAsync(IReadOnlyList<string> args)
    {
        var error = new StringWriter();
        var code = await SimulatorCommandLine.RunAsync([.. args], error);
        return (code, error.ToString());
    }

    public Task StartAsync(ConformanceLandlord landlord) =>
        host.StartAsync(SimulatorHost.Build(
            new SimulatorSettings
            {
                Hub = landlord.Hub,
                ApiKey = landlord.ApiKey,
                Organization = landlord.OrganizationId,
                Desk = landlord.Desk,
                Seed = Seed,
                Rate = 0,
                Verbose = false,
                ReportInterval = TimeSpan.FromHours(1),
            },
            TextWriter.Null,
            erp,
            state,
            InProcessHost.Fast));

    public Task StopAsync() => host.StopAsync();

    public Task CrashAsync() => host.CrashAsync();

    public Task<string> TypeAsync(ConformanceHousehold household) => Task.FromResult(erp.Register(new Dossier
    {
        Reference = "",
        Nom = household.LastName,
        Prenom = household.FirstName,
        Sexe = ErpCode("applicant.sex", household.Sex),
        DateNaissance = household.BirthDate,
        CommuneNaissance = household.BirthCommune,
        Nationalite = ErpCode("applicant.nationality_class", household.Nationality),
        Situation = ErpCode("family_situation", household.FamilySituation),
        Logement = household.Housing == ConformanceHousehold.Unmapped ? "CARAVANE" : ErpCode("current_housing", household.Housing),
        Motif = ErpCode("reason_codes", household.Reason),
        Revenu = household.MonthlyIncome,
        Departement = household.Departement,
        Typologie = ErpCode("wishes.typologies", household.Typology),
        CommuneSouhaitee = household.WishedCommune,
        Pieces = household.MainRooms,
        Loyer = household.MonthlyRentEur,
    }));

    public Task SignLeaseAsync(string recordId, ConformanceLease lease)
    {
        erp.SignLease(recordId, new Bail(
            lease.DwellingId,
            lease.CommuneCode,
            ErpCode("proposal.typology", lease.Typology),
            ErpCode("proposal.reservation_holder", lease.ReservationHolder),
            ErpCode("lease.collective_agreement", lease.CollectiveAgreement),
            lease.Date));
        return Task.CompletedTask;
    }

    public Task UpdateIncomeAsync(string recordId, int monthlyIncome)
    {
        erp.Update(recordId, d => d with { Revenu = monthlyIncome }, "revenu");
        return Task.CompletedTask;
    }

    public async Task<string?> NumberOfAsync(string recordId) => (await state.FindByErpRecordAsync(recordId, default))?.Number;

    public Task<IReadOnlyList<ErpRecord>> ReadByNumberAsync(string number) =>
        Task.FromResult<IReadOnlyList<ErpRecord>>([.. erp.FindByNumber(number).Select(d => new ErpRecord(
            d.Reference,
            number,
            d.Revision,
            d.Nom,
            d.Revenu,
            new Dictionary<string, string>
            {
                ["applicant.sex"] = d.Sexe,
                ["current_housing"] = d.Logement,
                ["family_situation"] = d.Situation,
                ["wishes.typologies"] = d.Typologie ?? "",
            },
            d.Statut == "ACTIF",
            d.Pieces,
            d.Loyer))]);

    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync() => await state.ListDeadLettersAsync(default);

    // The journal is dense from 1: marker 0 reads it again from its first entry.
    public async Task RewindAsync() => await state.SetOutboundMarkerAsync("0", default);

    public string ErpCode(string table, string contractCode) => MappingTables.ErpCodeOf(ErpCodes.Mappings, table, contractCode);

    public async ValueTask DisposeAsync()
    {
        await host.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
