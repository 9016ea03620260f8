using Npgsql;

namespace Interop.Adapters.Sql.Schema;

/// <summary>The adapter's SQL scripts: the sample ERP's tables and the outbox with its trigger and the SDK's state.</summary>
public static class ErpSchema
{
    /// <summary>
    /// Creates the sample ERP's tables (<c>erp.dossiers</c>) when <paramref name="sampleErp"/>, then installs the
    /// outbox (<c>interop</c> schema, trigger on <c>erp.dossiers</c>). Idempotent; under an advisory lock so two
    /// installs never interleave.
    /// </summary>
    public static async Task InstallAsync(string connectionString, bool sampleErp, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('interop.outbox.install'))", connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var script in sampleErp ? new[] { "sample-erp.sql", "outbox.sql" } : ["outbox.sql"])
        {
            await using var command = new NpgsqlCommand(Read(script), connection, transaction);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Whether the outbox is installed in the ERP's database (the adapter refuses to start without it).</summary>
    public static async Task<bool> IsInstalledAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT to_regclass('interop.outbox') IS NOT NULL AND to_regclass('interop.links') IS NOT NULL", connection);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>The text of an embedded script (<c>outbox.sql</c>, <c>sample-erp.sql</c>), for an ERP's DBA to review or run.</summary>
    public static string Read(string name)
    {
        using var stream = typeof(ErpSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new ArgumentException($"No embedded script {name}.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
