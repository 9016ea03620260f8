using Npgsql;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// When PostgreSQL committed each change of a phase, from its own commit timestamps
/// (<c>track_commit_timestamp</c>, which <c>pg_start_throwaway --commit-timestamps</c> turns on):
/// the start of commit → delivery measured per change, neither bounded by the write's start
/// (change_time) nor by the writer's answer. PostgreSQL stamps a commit just before writing its
/// record, so the figure includes the commit's own flush: never flattering.
/// </summary>
internal static class CommitTimes
{
    public static async Task<bool> TrackedAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var show = new NpgsqlCommand("SHOW track_commit_timestamp", connection);
        return (string?)await show.ExecuteScalarAsync() == "on";
    }

    /// <summary>change_seq → commit instant (UTC) of the writes sequenced after <paramref name="after"/> through <paramref name="through"/>.</summary>
    /// <remarks>
    /// A change's own row was rewritten by the sequencer (its xmin is the sequencer's), so the commit is read
    /// from the application history row its write inserted in the same transaction, never updated since.
    /// </remarks>
    public static async Task<Dictionary<long, DateTime>> ReadAsync(string connectionString, long after, long through)
    {
        const string sql = """
            SELECT c.change_seq, pg_xact_commit_timestamp(h.xmin)
            FROM changes c
            JOIN application_history h ON h.application_number = c.application_number AND h.revision = c.revision
            WHERE c.change_seq > @after AND c.change_seq <= @through
            """;
        var commits = new Dictionary<long, DateTime>();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("through", through);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            if (!await reader.IsDBNullAsync(1))
            {
                commits[reader.GetInt64(0)] = reader.GetDateTime(1);
            }
        }

        return commits;
    }
}
