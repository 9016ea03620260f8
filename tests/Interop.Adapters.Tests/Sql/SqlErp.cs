using Dapper;
using Interop.Adapters.Sql.Schema;
using Interop.Testing;
using Npgsql;

namespace Interop.Adapters.Tests.Sql;

/// <summary>A sample ERP database with the outbox installed, for one test.</summary>
internal static class SqlErp
{
    public static async Task<NpgsqlDataSource> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("sql_erp");
        await ErpSchema.InstallAsync(connectionString, sampleErp: true, CancellationToken.None);
        return NpgsqlDataSource.Create(connectionString);
    }

    /// <summary>A desk types a household (the ERP's own codes).</summary>
    public static Task InsertAsync(NpgsqlConnection connection, string reference, NpgsqlTransaction? transaction = null) =>
        connection.ExecuteAsync(
            """
            INSERT INTO erp.dossiers (reference, civilite, nom, prenom, date_naissance, commune_naissance, nationalite, situation_familiale,
                logement_actuel, motif, revenu_mensuel, departement, typologie, commune_souhaitee)
            VALUES (@reference, 'MME', 'Durand', 'Camille', DATE '1988-04-12', '14118', 'FRA', 'SEP', 'LOCPRIVE', 'DV', 1450, '14', 'F3', '14118')
            """,
            new { reference },
            transaction);
}
