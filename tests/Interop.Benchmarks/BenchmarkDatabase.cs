using Interop.Testing;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// A fresh database for one target (the hub, or the direct writer), emptied
/// before each scenario so every measurement starts from the same table sizes;
/// dropped afterwards so repeated runs leave nothing behind.
/// </summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private BenchmarkDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        Name = new NpgsqlConnectionStringBuilder(connectionString).Database!;

        // Checks and sampling use their own unpooled connection, so nothing of
        // ours stays open in the database when it is dropped.
        UnpooledConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
    }

    /// <summary>What the hub or the direct writer connects with (pooled).</summary>
    public string ConnectionString { get; }

    public string UnpooledConnectionString { get; }

    public string Name { get; }

    public static async Task<BenchmarkDatabase> CreateAsync(string purpose) =>
        new(await TestPostgres.CreateDatabaseAsync(purpose));

    /// <summary>A database kept by an earlier run (<c>--keep</c>): it is not dropped at the end either.</summary>
    public static BenchmarkDatabase Existing(string name) =>
        new(new NpgsqlConnectionStringBuilder(TestPostgres.AdminConnectionString) { Database = name }.ConnectionString) { Keep = true };

    /// <summary>Left in place at the end, to be measured again without loading it again.</summary>
    public bool Keep { get; set; }

    // Every table a registration writes to, or whose rows hang off an
    // application: the registry itself, the identity index and name counts of
    // the duplicate check, and the matching and attribution tables that
    // reference applications. CASCADE empties any table a later migration makes
    // reference these too: a bare TRUNCATE is refused as soon as one exists
    // (the benchmark crashed on every run once proposals and the matching tables
    // were added). Organisations, keys and audit records stay: the audit trail
    // refuses TRUNCATE by design, and the hub keeps using its key.
    private const string EmptySql = """
        TRUNCATE applications, changes, idempotency_keys, number_counters,
                 identity_keys, name_counts, review_items, declared_distinct, merges, proposals
        RESTART IDENTITY CASCADE
        """;

    /// <summary>
    /// Empties the registry's tables between scenarios, so each starts from
    /// the empty tables and indexes of a fresh database while the warmed-up hub
    /// keeps running on it.
    /// </summary>
    public async Task EmptyAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var truncate = new NpgsqlCommand(EmptySql, connection);
        await truncate.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Empties the registry's tables and forgets what the planner and autovacuum
    /// know of them, as on a fresh database: TRUNCATE leaves their column
    /// statistics in <c>pg_statistic</c> (deleted here, as the superuser the
    /// benchmark connects as) and resets their size to unknown; the activity
    /// counters autovacuum reads are reset too.
    /// </summary>
    public async Task ForgetAsync(CancellationToken cancellationToken)
    {
        await EmptyAsync(cancellationToken);
        await using var connection = new NpgsqlConnection(UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var forget = new NpgsqlCommand(
            """
            DELETE FROM pg_statistic WHERE starelid IN ('applications'::regclass, 'identity_keys'::regclass, 'name_counts'::regclass);
            SELECT pg_stat_reset();
            """,
            connection);
        await forget.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The applications committed, to compare with the registrations the clients saw succeed.</summary>
    public async Task<long> CountApplicationsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(UnpooledConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM applications", connection);
        return (long)(await count.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (Keep)
        {
            return;
        }

        await using var admin = new NpgsqlConnection(TestPostgres.AdminConnectionString);
        await admin.OpenAsync();

        // FORCE ends connections the hub's pool may still hold while it exits.
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
