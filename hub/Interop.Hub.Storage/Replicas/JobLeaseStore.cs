using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Replicas;

/// <summary>The <c>job_leases</c> rows: which replica runs a periodic job this interval.</summary>
public sealed class JobLeaseStore
{
    // The upsert's WHERE runs under the row lock: of replicas claiming together, the first
    // moves due_at past now and the others find it in the future (the DO UPDATE updates
    // nothing, RETURNING gives no row). A first claim inserts the row.
    private const string ClaimSql = """
        INSERT INTO job_leases (job, due_at, holder, started_at)
        VALUES (@job, @nextDue, @holder, @now)
        ON CONFLICT (job) DO UPDATE SET due_at = EXCLUDED.due_at, holder = EXCLUDED.holder, started_at = EXCLUDED.started_at
        WHERE job_leases.due_at <= @now
        RETURNING true
        """;

    /// <summary>
    /// Claims this interval's run of <paramref name="job"/> for <paramref name="holder"/> when it is due at
    /// <paramref name="now"/>; the next run is then due at <paramref name="nextDue"/>. False when another
    /// replica ran it less than an interval ago.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        NpgsqlConnection connection, string job, string holder, DateTimeOffset now, DateTimeOffset nextDue, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            ClaimSql,
            new { job, holder, now = now.UtcDateTime, nextDue = nextDue.UtcDateTime },
            cancellationToken: cancellationToken)) == true;
}
