using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Replicas;

/// <summary>The <c>hub_replicas</c> rows: which hub processes are alive on this database.</summary>
/// <remarks>
/// The database's clock, not each replica's: liveness compares rows written by different
/// machines, and one clock for all of them keeps a skewed replica from counting twice or never.
/// </remarks>
public sealed class ReplicaStore
{
    // One statement: the count cannot see the CTE's own insert (one snapshot), hence the others plus one.
    private const string BeatSql = """
        WITH beat AS (
            INSERT INTO hub_replicas (instance_id, seen_at) VALUES (@instanceId, clock_timestamp())
            ON CONFLICT (instance_id) DO UPDATE SET seen_at = EXCLUDED.seen_at
        ),
        forgotten AS (
            DELETE FROM hub_replicas WHERE seen_at < clock_timestamp() - @forgetAfter AND instance_id <> @instanceId
        )
        SELECT 1 + count(*)::int FROM hub_replicas WHERE seen_at >= clock_timestamp() - @liveness AND instance_id <> @instanceId
        """;

    /// <summary>
    /// Records that <paramref name="instanceId"/> is alive and returns how many replicas are (itself
    /// included): those seen within <paramref name="liveness"/>. Rows unseen for ten times that are deleted.
    /// </summary>
    public async Task<int> BeatAsync(NpgsqlConnection connection, string instanceId, TimeSpan liveness, CancellationToken cancellationToken) =>
        await connection.QuerySingleAsync<int>(new CommandDefinition(
            BeatSql, new { instanceId, liveness, forgetAfter = liveness * 10 }, cancellationToken: cancellationToken));

    /// <summary>Takes <paramref name="instanceId"/> out of the count at once (a graceful stop).</summary>
    public async Task LeaveAsync(NpgsqlConnection connection, string instanceId, CancellationToken cancellationToken) =>
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM hub_replicas WHERE instance_id = @instanceId", new { instanceId }, cancellationToken: cancellationToken));
}
