using Npgsql;

namespace Interop.Testing;

/// <summary>
/// The throwaway PostgreSQL cluster the tests run against, given by
/// <c>deploy/test.sh</c> in <c>INTEROP_TEST_POSTGRES</c> (an admin connection
/// string). Each fixture creates its own database in it, so test classes run in
/// parallel without seeing each other's rows.
/// </summary>
public static class TestPostgres
{
    public const string Variable = "INTEROP_TEST_POSTGRES";

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{Variable} is not set: run the tests with deploy/test.sh, which starts a throwaway PostgreSQL, " +
                $"or export {Variable}=\"Host=…;Port=…;Username=postgres;Database=postgres\".");

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var name = $"t_{purpose.ToLowerInvariant()}_{Guid.NewGuid():N}"[..Math.Min(60, purpose.Length + 35)];
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING 'UTF8'", admin);
            await create.ExecuteNonQueryAsync();
        }

        // Each test has its own database and so its own connection pools (the
        // hub's, the probes'): their idle connections must close within
        // seconds, or a few hundred tests exhaust the server's max_connections
        // with connections nobody uses any more.
        return new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
            ConnectionIdleLifetime = 2,
            ConnectionPruningInterval = 1,
        }.ConnectionString;
    }
}
