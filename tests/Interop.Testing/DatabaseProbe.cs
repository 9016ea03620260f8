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

    /// <summary>
    /// The number of rows of each table, as one line (<c>applications=3 changes=5 …</c>), to compare before and
    /// after a call that must write nothing. Table names come from the test, never from input.
    /// </summary>
    public async Task<string> CountRowsAsync(IEnumerable<string> tables)
    {
        var names = tables.ToList();
        await using var connection = new NpgsqlConnection(connectionString);
        var sql = "SELECT " + string.Join(", ", names.Select(t => $"(SELECT count(*) FROM {t})"));
        var row = (IDictionary<string, object>)await connection.QuerySingleAsync(sql);
        return string.Join(" ", names.Zip(row.Values, (name, count) => $"{name}={count}"));
    }

    /// <summary>The change records of one application, oldest first, with their details as stored (jsonb text).</summary>
    public Task<IReadOnlyList<(long Revision, string Kind, string Actor, string? RequestId, string Details)>> ChangesAsync(string applicationNumber) =>
        QueryAsync<(long, string, string, string?, string)>(
            "SELECT revision, kind, actor, request_id, details::text FROM changes WHERE application_number = @applicationNumber ORDER BY revision",
            new { applicationNumber });

    /// <summary>Who audited a change of one application, and by which method, oldest first.</summary>
    public Task<IReadOnlyList<(string Organization, string Method)>> ChangeAuditsAsync(string applicationNumber) =>
        QueryAsync<(string, string)>(
            "SELECT organization_id, method FROM audit_records WHERE application_number = @applicationNumber AND action = 'change' ORDER BY audit_id",
            new { applicationNumber });

    /// <summary>The connections other clients (the hub's pool) hold open on this database, this probe's own left out.</summary>
    public async Task<long> OtherConnectionsAsync() =>
        (await QueryAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).Single();

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        return (await connection.QueryAsync<T>(sql, parameters)).AsList();
    }
}
