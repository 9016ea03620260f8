using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Feed;

/// <summary>
/// Gives committed changes their dense, gap-free <c>change_seq</c>, in commit order.
///
/// The trap it avoids: identity positions are handed out at insert time but
/// transactions commit in another order, so a reader that saw position 105 may
/// later find 104 committed; "position &gt; last" silently loses it. Here a
/// change gets its number only after its transaction has committed (the
/// sequencer numbers what it can see), and numbers are handed out by one
/// sequencer at a time after the last one's commit is visible: a late commit
/// is numbered when it commits, after everything numbered before it, never
/// skipped and never slipped in below a number a reader has passed.
///
/// An application's revisions are numbered in increasing order: the writer of
/// revision r+1 read revision r committed (the application's row lock, the
/// unique revision), so r is visible to the sequencer no later than r+1; within
/// a batch each application's slots take its changes in revision order anyway.
///
/// It used to number only changes below the snapshot's xmin, so that a change
/// waited for every older transaction still open. That rule belongs to readers
/// that read by position; numbering after commit does not need it, and it was
/// most of the feed's delay (a change committed first waited for every older
/// writer's remaining work: issue 15's measurements).
///
/// One sequencer at a time across all hub processes: a transaction-scoped
/// advisory lock, tried, never waited for.
///
/// The rules run in PostgreSQL, in the function <c>feed_sequence</c>
/// (Migrations/Scripts/0017_feed_sequencer_function.sql), as one statement.
/// </summary>
public sealed class FeedSequencer
{
    /// <summary>
    /// Numbers up to about <paramref name="batchSize"/> changes (none when
    /// another process holds the sequencer) and, when it numbered any, sends
    /// <paramref name="notifyPayload"/> on <paramref name="notifyChannel"/> with
    /// its commit; says whether committed changes are still waiting for a number.
    /// </summary>
    /// <remarks>
    /// One round trip and one commit: the SQL function <c>feed_sequence</c>
    /// (migration 0016) does the lock, the batch, the revision order, the
    /// numbering, the NOTIFY and the check for more. Run as five round trips
    /// it cost a delivery five waits for a core on a loaded machine.
    /// </remarks>
    public async Task<SequencedBatch> SequenceBatchAsync(
        NpgsqlConnection connection, int batchSize, string notifyChannel, string notifyPayload, CancellationToken cancellationToken)
    {
        var (_, occurredAt, pending) = await connection.QuerySingleAsync<(int, DateTime[], bool)>(new CommandDefinition(
            "SELECT numbered, occurred_times, pending FROM feed_sequence(@batchSize, @notifyChannel, @notifyPayload)",
            new { batchSize, notifyChannel, notifyPayload },
            cancellationToken: cancellationToken));
        return new SequencedBatch(occurredAt, pending);
    }
}
