using DbUp;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Interop.Hub.Storage.Migrations;

/// <summary>
/// Applies the embedded <c>Migrations/Scripts/*.sql</c> in name order, each once
/// (DbUp journals them in <c>schemaversions</c>).
/// </summary>
public static class DatabaseMigrator
{
    // Any constant shared by every hub process; chosen once, never change it.
    private const long MigrationLockKey = 0x1A7E_0001;

    /// <summary>
    /// Holds a session advisory lock while migrating, so two hub processes
    /// starting together on one database run each script once instead of racing
    /// on the journal table.
    /// </summary>
    public static async Task MigrateAsync(string connectionString, ILogger logger, CancellationToken cancellationToken)
    {
        await using var lockConnection = new NpgsqlConnection(connectionString);
        await lockConnection.OpenAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", lockConnection))
        {
            lockCommand.Parameters.AddWithValue("key", MigrationLockKey);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var upgrader = DeployChanges.To
                .PostgresqlDatabase(connectionString)
                .WithScriptsEmbeddedInAssembly(typeof(DatabaseMigrator).Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal))
                .WithTransactionPerScript()
                .LogToNowhere()
                .Build();

            var result = upgrader.PerformUpgrade();
            if (!result.Successful)
            {
                throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
            }

            foreach (var script in result.Scripts)
            {
                MigrationLog.Applied(logger, script.Name);
            }
        }
        finally
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", lockConnection);
            unlock.Parameters.AddWithValue("key", MigrationLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }
}
