using Interop.Hub.Storage.Migrations;
using Interop.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>The benchmark's throwaway database: made and migrated like a hub's, or one a previous run kept (<c>--database</c>).</summary>
internal static class BenchDatabase
{
    public static async Task<string> CreateAsync()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("observatorybench");
        await DatabaseMigrator.MigrateAsync(connectionString, NullLogger.Instance, CancellationToken.None);

        // The synthetic history and leases have no applications, organisations or offers behind them: this database lets them stand alone.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var unlink = new NpgsqlCommand("""
            DO $$
            DECLARE r record;
            BEGIN
                FOR r IN SELECT conrelid::regclass AS tab, conname FROM pg_constraint
                         WHERE contype = 'f' AND conrelid IN ('application_history'::regclass, 'proposals'::regclass) LOOP
                    EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', r.tab, r.conname);
                END LOOP;
            END $$;
            """, connection);
        await unlink.ExecuteNonQueryAsync();
        return connectionString;
    }

    public static string Existing(string name) =>
        new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = name }.ConnectionString;

    public static string NameOf(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;

    public static async Task DropAsync(string connectionString)
    {
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE \"{NameOf(connectionString)}\" WITH (FORCE)", admin) { CommandTimeout = 0 };
        await drop.ExecuteNonQueryAsync();
    }

    public static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    public static async Task<long> CountAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
