using Dapper;
using Npgsql;

namespace Interop.Testing;

/// <summary>Reads a hub's database directly, to check what a call did or did not write.</summary>
public sealed class DatabaseProbe(string connectionString)
{
    public sealed record Counts(long Applications, long Changes, long RequestIds, long Counters);

    public async Task<Counts> CountAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return await connection.QuerySingleAsync<Counts>("""
            SELECT (SELECT count(*) FROM applications) AS applications,
                   (SELECT count(*) FROM changes) AS changes,
                   (SELECT count(*) FROM idempotency_keys) AS request_ids,
                   (SELECT coalesce(sum(last_value), 0) FROM number_counters) AS counters
            """);
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }
}
