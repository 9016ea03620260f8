using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Feed;

/// <summary>
/// Gives committed changes their dense, gap-free <c>change_seq</c>.
///
/// The trap it avoids: identity positions are handed out at insert time but
/// transactions commit in another order, so a reader that saw position 105 may
/// later find 104 committed; "position &gt; last" silently loses it. Here only
/// rows whose transaction id is below the snapshot's xmin are numbered — every
/// transaction older than xmin has finished, so no row can still appear below
/// them. A transaction still open holds the feed back instead of being
/// skipped.
///
/// Transaction-id order is not commit order either: T1 (older id) may write
/// revision r+2 of an application after T2 (newer id) wrote r+1 and committed.
/// Within a batch each application's changes are therefore put back in
/// revision order (in the slots they occupy); a batch takes every eligible
/// change of the applications it touches; and a change is held back while an
/// earlier revision of its application is committed but not yet eligible (its
/// transaction id is above xmin). So a revision is never numbered before an
/// earlier one.
///
/// One sequencer at a time across all hub processes: a transaction-scoped
/// advisory lock, tried, never waited for.
/// </summary>
public sealed class FeedSequencer
{
    private const long SequencerLockKey = 0x1A7E_0002;

    /// <summary>Numbers up to about <paramref name="batchSize"/> changes; returns how many (0 when another process holds the sequencer).</summary>
    public async Task<int> SequenceBatchAsync(NpgsqlConnection connection, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var leader = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "SELECT pg_try_advisory_xact_lock(@key)", new { key = SequencerLockKey }, transaction, cancellationToken: cancellationToken));
        if (!leader)
        {
            return 0;
        }

        // Every transaction with an id below xmin has finished: no row can
        // appear below it any more. Taken once, so both queries agree.
        var xmin = await connection.ExecuteScalarAsync<string>(new CommandDefinition(
            "SELECT pg_snapshot_xmin(pg_current_snapshot())::text", transaction: transaction, cancellationToken: cancellationToken));

        const string eligible = """
            WITH eligible AS (
                SELECT position, txid, application_number, revision
                FROM changes
                WHERE change_seq IS NULL AND txid < CAST(@xmin AS xid8)
            ),
            first_applications AS (
                SELECT DISTINCT application_number
                FROM (SELECT application_number FROM eligible ORDER BY txid, position LIMIT @batchSize) first
            )
            SELECT e.position, e.application_number, e.revision
            FROM eligible e
            WHERE e.application_number IN (SELECT application_number FROM first_applications)
            ORDER BY e.txid, e.position
            """;
        var candidates = (await connection.QueryAsync<UnsequencedChange>(new CommandDefinition(
            eligible, new { batchSize, xmin }, transaction, cancellationToken: cancellationToken))).AsList();
        if (candidates.Count == 0)
        {
            return 0;
        }

        // A committed change whose transaction id is above xmin (a younger
        // transaction that finished while an older one still runs) is not
        // numbered yet; no later revision of its application may pass it.
        const string heldBack = """
            SELECT application_number, min(revision)
            FROM changes
            WHERE change_seq IS NULL AND txid >= CAST(@xmin AS xid8) AND application_number = ANY(@applications)
            GROUP BY application_number
            """;
        var blockedFrom = (await connection.QueryAsync<(string Number, long Revision)>(new CommandDefinition(
            heldBack,
            new { xmin, applications = candidates.Select(c => c.ApplicationNumber).Distinct().ToArray() },
            transaction,
            cancellationToken: cancellationToken))).ToDictionary(b => b.Number, b => b.Revision);
        var batch = candidates
            .Where(c => !blockedFrom.TryGetValue(c.ApplicationNumber, out var blocked) || c.Revision < blocked)
            .ToList();
        if (batch.Count == 0)
        {
            return 0;
        }

        var ordered = InRevisionOrder(batch);
        var last = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT last_seq FROM feed_state WHERE id = 1 FOR UPDATE", transaction: transaction, cancellationToken: cancellationToken));
        var positions = ordered.Select(c => c.Position).ToArray();
        var sequence = Enumerable.Range(1, ordered.Count).Select(i => last + i).ToArray();
        await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE changes SET change_seq = numbered.seq
            FROM unnest(@positions, @sequence) AS numbered (position, seq)
            WHERE changes.position = numbered.position
            """,
            new { positions, sequence },
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE feed_state SET last_seq = @last WHERE id = 1", new { last = last + ordered.Count }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return ordered.Count;
    }

    /// <summary>Keeps the batch's order but gives each application's slots its changes in revision order.</summary>
    internal static IReadOnlyList<UnsequencedChange> InRevisionOrder(IReadOnlyList<UnsequencedChange> batch)
    {
        var byApplication = batch
            .GroupBy(c => c.ApplicationNumber)
            .ToDictionary(g => g.Key, g => new Queue<UnsequencedChange>(g.OrderBy(c => c.Revision)));
        return batch.Select(slot => byApplication[slot.ApplicationNumber].Dequeue()).ToList();
    }
}
