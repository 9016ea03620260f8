using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Replicas;

/// <summary>The <c>job_leases</c> rows: which replica runs a periodic job this interval.</summary>
/// <remarks>
/// The database's clock, not each replica's (as <see cref="ReplicaStore"/>): a lease written by
/// one machine is read by others, and a replica whose clock is hours ahead would otherwise find
/// every lease expired (and run every job at each of its ticks, beside its holder) and write a
/// due time hours ahead (so that no other replica takes the job over when it dies).
/// </remarks>
public sealed class JobLeaseStore
{
    // The upsert's WHERE runs under the row lock: of replicas claiming together, the first
    // moves due_at past now and the others find it in the future (the DO UPDATE updates
    // nothing, RETURNING gives no row). A first claim inserts the row. The holder claims
    // again at each tick of its own timer, which measures its interval whatever its clock
    // says; the database's clock decides only when another replica may take the job over:
    // once the holder has let a whole interval pass without claiming it.
    private const string ClaimSql = """
        INSERT INTO job_leases (job, due_at, holder, started_at)
        VALUES (@job, clock_timestamp() + @interval, @holder, clock_timestamp())
        ON CONFLICT (job) DO UPDATE SET due_at = EXCLUDED.due_at, holder = EXCLUDED.holder, started_at = EXCLUDED.started_at
        WHERE job_leases.due_at <= clock_timestamp() OR job_leases.holder = EXCLUDED.holder
        RETURNING true
        """;

    /// <summary>
    /// Claims this interval's run of <paramref name="job"/> for <paramref name="holder"/>, which ticks every
    /// <paramref name="interval"/>: true when <paramref name="holder"/> ran it last, or when no replica has
    /// claimed it for <paramref name="interval"/> by the database's clock. False when another replica ran it
    /// less than an interval ago.
    /// </summary>
    public async Task<bool> TryClaimAsync(
        NpgsqlConnection connection, string job, string holder, TimeSpan interval, CancellationToken cancellationToken) =>
        await connection.QuerySingleOrDefaultAsync<bool?>(new CommandDefinition(
            ClaimSql,
            new { job, holder, interval },
            cancellationToken: cancellationToken)) == true;
}
