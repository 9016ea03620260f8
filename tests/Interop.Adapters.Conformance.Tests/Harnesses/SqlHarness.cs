using System.Globalization;
using System.Text.Json;
using Dapper;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sql.Erp;
using Interop.Adapters.Sql.Hosting;
using Interop.Adapters.Sql.Schema;
using Interop.Testing;
using Npgsql;

namespace Interop.Adapters.Conformance.Tests.Harnesses;

/// <summary>
/// The SQL adapter as its own operating-system process (<c>dotnet Interop.Adapters.Sql.dll …</c>, as an operator
/// starts it: a crash is a real kill -9) over a sample ERP database; the harness's desk writes into
/// <c>erp.dossiers</c> with plain SQL, as the ERP's own screens do, and reads it back the same way.
/// </summary>
internal sealed class SqlHarness : IAdapterHarness
{
    private string? connectionString;
    private NpgsqlDataSource? erp;
    private ChildProcess? process;

    public IReadOnlyList<string> CommandLine(ConformanceLandlord landlord) =>
        ["--hub", landlord.Hub.ToString(), "--api-key", landlord.ApiKey, "--organization", landlord.OrganizationId, "--desk", landlord.Desk, "--erp", "Host=127.0.0.1;Database=erp;Username=erp"];

    public async Task<(int ExitCode, string Error)> RunInvalidCommandLineAsync(IReadOnlyList<string> args)
    {
        var error = new StringWriter();
        var code = await SqlCommandLine.RunAsync([.. args], error);
        return (code, error.ToString());
    }

    public async Task StartAsync(ConformanceLandlord landlord)
    {
        await ErpAsync();
        if (process is not null)
        {
            throw new InvalidOperationException("The adapter is running already.");
        }

        process = ChildProcess.Start(
            "dotnet",
            [AdapterAssemblyPath(), "--hub", landlord.Hub.ToString(), "--organization", landlord.OrganizationId, "--desk", landlord.Desk, "--erp", connectionString!, "--poll-seconds", "0.1"],
            new Dictionary<string, string?> { ["INTEROP_API_KEY"] = landlord.ApiKey });
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref process, null) is { } running)
        {
            await running.SignalAsync("TERM");
            await running.WaitForExitAsync(TimeSpan.FromSeconds(30));
            Assert.True(running.ExitCode == 0, $"The SQL adapter stopped with exit code {running.ExitCode}:\n{running.Combined}");
            await running.DisposeAsync();
        }
    }

    public async Task CrashAsync()
    {
        if (Interlocked.Exchange(ref process, null) is { } running)
        {
            running.Kill();
            await running.WaitForExitAsync(TimeSpan.FromSeconds(10));
            await running.DisposeAsync();
        }
    }

    public async Task<string> TypeAsync(ConformanceHousehold household)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>(
            """
            INSERT INTO erp.dossiers (reference, civilite, nom, prenom, date_naissance, commune_naissance, nationalite, situation_familiale,
                logement_actuel, pieces_principales, loyer_mensuel, motif, revenu_mensuel, departement, typologie, commune_souhaitee)
            VALUES ('D-' || lpad(nextval('erp.dossier_reference')::text, 6, '0'), @civilite, @nom, @prenom, @naissance::date, @communeNaissance, @nationalite,
                @situation, @logement, @pieces, @loyer, @motif, @revenu, @departement, @typologie, @communeSouhaitee)
            RETURNING reference
            """,
            new
            {
                civilite = ErpCode("applicant.sex", household.Sex),
                nom = household.LastName,
                prenom = household.FirstName,
                naissance = household.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                communeNaissance = household.BirthCommune,
                nationalite = ErpCode("applicant.nationality_class", household.Nationality),
                situation = ErpCode("family_situation", household.FamilySituation),
                logement = household.Housing == ConformanceHousehold.Unmapped ? "CARAVANE" : ErpCode("current_housing", household.Housing),
                pieces = household.MainRooms,
                loyer = household.MonthlyRentEur,
                motif = ErpCode("reason_codes", household.Reason),
                revenu = household.MonthlyIncome,
                departement = household.Departement,
                typologie = ErpCode("wishes.typologies", household.Typology),
                communeSouhaitee = household.WishedCommune,
            });
    }

    public async Task UpdateIncomeAsync(string recordId, int monthlyIncome)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        await connection.ExecuteAsync("UPDATE erp.dossiers SET revenu_mensuel = @monthlyIncome, modifie_le = now() WHERE reference = @recordId", new { recordId, monthlyIncome });
    }

    // As the lease module records it: by the household's dossier, with its start date; the trigger does the rest.
    public async Task SignLeaseAsync(string recordId, ConformanceLease lease)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO erp.baux (dossier_reference, logement, commune, typologie, reservataire, accord_collectif, date_effet)
            VALUES (@recordId, @logement, @commune, @typologie, @reservataire, @accord, @dateEffet::date)
            """,
            LeaseColumns(recordId, lease));
    }

    /// <summary>The lease module corrects its row in place (the row of the household's lease, every field as typed again).</summary>
    public async Task CorrectLeaseAsync(string recordId, ConformanceLease lease)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        var updated = await connection.ExecuteAsync(
            """
            UPDATE erp.baux SET logement = @logement, commune = @commune, typologie = @typologie, reservataire = @reservataire,
                                accord_collectif = @accord, date_effet = @dateEffet::date
            WHERE dossier_reference = @recordId
            """,
            LeaseColumns(recordId, lease));
        Assert.Equal(1, updated);
    }

    /// <summary>The columns of an <c>erp.baux</c> row for <paramref name="lease"/>, in the ERP's codes.</summary>
    private object LeaseColumns(string recordId, ConformanceLease lease) => new
    {
        recordId,
        logement = lease.DwellingId,
        commune = lease.CommuneCode,
        typologie = ErpCode("proposal.typology", lease.Typology),
        reservataire = ErpCode("proposal.reservation_holder", lease.ReservationHolder),
        accord = ErpCode("lease.collective_agreement", lease.CollectiveAgreement),
        dateEffet = lease.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    public async Task<string?> NumberOfAsync(string recordId)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<string?>("SELECT numero_unique FROM erp.dossiers WHERE reference = @recordId", new { recordId });
    }

    public async Task<IReadOnlyList<ErpRecord>> ReadByNumberAsync(string number)
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        var rows = await connection.QueryAsync<string>("SELECT to_jsonb(d)::text FROM erp.dossiers d WHERE numero_unique = @number", new { number });
        return [.. rows.Select(DossierJson.Parse).Select(d => new ErpRecord(
            d.Reference,
            number,
            d.RevisionHub ?? 0,
            d.Nom,
            d.RevenuMensuel ?? 0,
            new Dictionary<string, string>
            {
                ["applicant.sex"] = d.Civilite,
                ["current_housing"] = d.LogementActuel ?? "",
                ["family_situation"] = d.SituationFamiliale ?? "",
                ["wishes.typologies"] = d.Typologie ?? "",
            },
            d.Statut == "EN_COURS",
            d.PiecesPrincipales,
            d.LoyerMensuel))];
    }

    // Read from the table: the running adapter process holds the state, and a second store on it is refused.
    public async Task<IReadOnlyList<DeadLetter>> DeadLettersAsync()
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        var bodies = await connection.QueryAsync<string>("SELECT body::text FROM interop.dead_letters ORDER BY dead_lettered_at, id");
        return [.. bodies.Select(b => JsonSerializer.Deserialize<DeadLetter>(b)!)];
    }

    // A restored backup of the adapter's state: no marker, so the relay reads the outbox from its first row.
    public async Task RewindAsync()
    {
        await using var connection = await (await ErpAsync()).OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM interop.adapter_marker");
    }

    public string ErpCode(string table, string contractCode) => MappingTables.ErpCodeOf(SqlErpCodes.Mappings, table, contractCode);

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        if (erp is not null)
        {
            await erp.DisposeAsync();
        }
    }

    private async Task<NpgsqlDataSource> ErpAsync()
    {
        if (erp is null)
        {
            connectionString = await TestPostgres.CreateDatabaseAsync("sql_erp");
            await ErpSchema.InstallAsync(connectionString, sampleErp: true, CancellationToken.None);
            erp = NpgsqlDataSource.Create(connectionString);
        }

        return erp;
    }

    private static string AdapterAssemblyPath()
    {
        // The adapter builds into its own bin folder with the tests' configuration; its runtimeconfig.json lives there.
        var testDirectory = new DirectoryInfo(AppContext.BaseDirectory);
        var configuration = testDirectory.Parent!.Name;
        var root = testDirectory;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Interop.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root!.FullName, "adapters", "Interop.Adapters.Sql", "bin", configuration, "net10.0", "Interop.Adapters.Sql.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the SQL adapter first.", path);
    }
}
