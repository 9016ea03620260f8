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

    /// <summary>Numbers up to about <paramref name="batchSize"/> changes; returns them (none when another process holds the sequencer).</summary>
    /// <remarks>
    /// Four round trips (it runs on the path of every delivery): the lock
    /// with the snapshot's xmin, the batch with its held-back rule, the
    /// numbering with the feed's head, the commit.
    /// </remarks>
    public async Task<SequencedBatch> SequenceBatchAsync(NpgsqlConnection connection, int batchSize, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Every transaction with an id below xmin has finished: no row can
        // appear below it any more. The snapshot is taken as the statement
        // starts, before the lock: an older xmin is only more careful.
        var (leader, xmin) = await connection.QuerySingleAsync<(bool, string)>(new CommandDefinition(
            "SELECT pg_try_advisory_xact_lock(@key), pg_snapshot_xmin(pg_current_snapshot())::text",
            new { key = SequencerLockKey },
            transaction,
            cancellationToken: cancellationToken));
        if (!leader)
        {
            return SequencedBatch.Empty;
        }

        // The batch: every eligible change of the applications among the
        // first eligible rows. A committed change whose transaction id is
        // above xmin (a younger transaction that finished while an older one
        // still runs) is not numbered yet, and no later revision of its
        // application may pass it (the `blocked` revisions).
        const string batchSql = """
            WITH eligible AS (
                SELECT position, txid, application_number, revision
                FROM changes
                WHERE change_seq IS NULL AND txid < CAST(@xmin AS xid8)
            ),
            first_applications AS (
                SELECT DISTINCT application_number
                FROM (SELECT application_number FROM eligible ORDER BY txid, position LIMIT @batchSize) first
            ),
            blocked AS (
                SELECT application_number, min(revision) AS revision
                FROM changes
                WHERE change_seq IS NULL AND txid >= CAST(@xmin AS xid8)
                  AND application_number IN (SELECT application_number FROM first_applications)
                GROUP BY application_number
            )
            SELECT e.position, e.application_number, e.revision
            FROM eligible e
            LEFT JOIN blocked b ON b.application_number = e.application_number
            WHERE e.application_number IN (SELECT application_number FROM first_applications)
              AND (b.revision IS NULL OR e.revision < b.revision)
            ORDER BY e.txid, e.position
            """;
        var batch = (await connection.QueryAsync<UnsequencedChange>(new CommandDefinition(
            batchSql, new { batchSize, xmin }, transaction, cancellationToken: cancellationToken))).AsList();
        if (batch.Count == 0)
        {
            return SequencedBatch.Empty;
        }

        // The head moves and the rows are numbered after it in one statement;
        // the feed_state row's lock orders sequencers even without the advisory lock.
        var positions = InRevisionOrder(batch).Select(c => c.Position).ToArray();
        var occurredAt = (await connection.QueryAsync<DateTime>(new CommandDefinition(
            """
            WITH state AS (
                UPDATE feed_state SET last_seq = last_seq + cardinality(@positions) WHERE id = 1
                RETURNING last_seq - cardinality(@positions) AS before
            )
            UPDATE changes SET change_seq = state.before + numbered.ord
            FROM state, unnest(@positions) WITH ORDINALITY AS numbered (position, ord)
            WHERE changes.position = numbered.position
            RETURNING changes.occurred_at
            """,
            new { positions },
            transaction,
            cancellationToken: cancellationToken))).AsList();
        await transaction.CommitAsync(cancellationToken);
        return new SequencedBatch(occurredAt);
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
