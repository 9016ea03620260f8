using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Feed;

/// <summary>Subscriptions and their checkpoints; any hub process can serve the next stream of one.</summary>
public sealed class SubscriptionStore
{
    /// <summary>The subscription, created with checkpoint 0 on first use.</summary>
    public Task<SubscriptionRow> GetOrCreateAsync(
        NpgsqlConnection connection, string organizationId, string subscriptionId, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.QuerySingleAsync<SubscriptionRow>(new CommandDefinition(
            """
            INSERT INTO subscriptions (organization_id, subscription_id, checkpoint_seq, created_at, updated_at)
            VALUES (@organizationId, @subscriptionId, 0, @now, @now)
            ON CONFLICT (organization_id, subscription_id) DO UPDATE SET organization_id = EXCLUDED.organization_id
            RETURNING organization_id, subscription_id, checkpoint_seq, updated_at
            """,
            new { organizationId, subscriptionId, now = now.UtcDateTime },
            cancellationToken: cancellationToken));

    public Task<SubscriptionRow?> GetAsync(
        NpgsqlConnection connection, string organizationId, string subscriptionId, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(
            "SELECT organization_id, subscription_id, checkpoint_seq, updated_at FROM subscriptions WHERE organization_id = @organizationId AND subscription_id = @subscriptionId",
            new { organizationId, subscriptionId },
            cancellationToken: cancellationToken));

    /// <summary>
    /// Moves the checkpoints of several subscriptions forward (never back: acknowledgements may arrive out of
    /// order) in one statement and one commit; returns the rows stored, so an acknowledgement beyond the
    /// feed's head is the one missing from them, and nothing of it is stored.
    /// </summary>
    /// <param name="acknowledgements">At most one per subscription: one statement cannot update a row twice.</param>
    /// <remarks>
    /// The head is checked in the same statement (a separate read was one more round trip). Rows are taken in
    /// key order, so two hub processes' batches lock them in the same order and never deadlock.
    /// </remarks>
    public async Task<IReadOnlyList<SubscriptionRow>> AcknowledgeManyAsync(
        NpgsqlConnection connection, IReadOnlyList<(string OrganizationId, string SubscriptionId, long ChangeSeq)> acknowledgements,
        DateTimeOffset now, CancellationToken cancellationToken) =>
        (await connection.QueryAsync<SubscriptionRow>(new CommandDefinition(
            """
            INSERT INTO subscriptions AS s (organization_id, subscription_id, checkpoint_seq, created_at, updated_at)
            SELECT a.organization_id, a.subscription_id, a.change_seq, @now, @now
            FROM unnest(@organizationIds, @subscriptionIds, @changeSeqs) AS a (organization_id, subscription_id, change_seq)
            WHERE a.change_seq <= (SELECT last_seq FROM feed_state WHERE id = 1)
            ORDER BY a.organization_id, a.subscription_id
            ON CONFLICT (organization_id, subscription_id)
            DO UPDATE SET checkpoint_seq = GREATEST(s.checkpoint_seq, EXCLUDED.checkpoint_seq), updated_at = EXCLUDED.updated_at
            RETURNING organization_id, subscription_id, checkpoint_seq, updated_at
            """,
            new
            {
                organizationIds = acknowledgements.Select(a => a.OrganizationId).ToArray(),
                subscriptionIds = acknowledgements.Select(a => a.SubscriptionId).ToArray(),
                changeSeqs = acknowledgements.Select(a => a.ChangeSeq).ToArray(),
                now = now.UtcDateTime,
            },
            cancellationToken: cancellationToken))).AsList();
}
