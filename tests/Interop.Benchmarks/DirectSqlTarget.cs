using Interop.Hub.Storage.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// The baseline: a fresh database with the hub's schema, written by
/// <see cref="DirectRegistration"/> from this process through one Npgsql pool,
/// as the hub process writes through its own.
/// </summary>
internal sealed class DirectSqlTarget : IRegistrationTarget
{
    private readonly NpgsqlDataSource dataSource;
    private readonly DirectRegistration registration;

    private DirectSqlTarget(BenchmarkDatabase database, NpgsqlDataSource dataSource, HubRowSample sample)
    {
        Database = database;
        this.dataSource = dataSource;
        registration = new DirectRegistration(dataSource, sample);
    }

    public string Name => "direct SQL";

    public BenchmarkDatabase Database { get; }

    public string Diagnostics => "";

    public IReadOnlyList<int> CompilingProcesses => [Environment.ProcessId];

    public static async Task<DirectSqlTarget> CreateAsync(string purpose, HubRowSample sample, CancellationToken cancellationToken)
    {
        var database = await BenchmarkDatabase.CreateAsync(purpose);
        try
        {
            // The same migrations the hub applies when it starts.
            await DatabaseMigrator.MigrateAsync(database.ConnectionString, NullLogger.Instance, cancellationToken);
            return new DirectSqlTarget(database, NpgsqlDataSource.Create(database.ConnectionString), sample);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public Registration ClientFor(string desk) => cancellationToken => registration.RegisterAsync(desk, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        await Database.DisposeAsync();
    }
}
