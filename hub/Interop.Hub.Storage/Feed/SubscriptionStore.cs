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
    /// Moves the checkpoint forward (never back: acknowledgements may arrive out of order); null, and nothing
    /// stored, when <paramref name="changeSeq"/> is beyond the feed's head.
    /// </summary>
    /// <remarks>
    /// The head is checked in the same statement: every subscriber acknowledges every hundred changes or so,
    /// and a separate read of the head was one more round trip per acknowledgement.
    /// </remarks>
    public Task<SubscriptionRow?> AcknowledgeAsync(
        NpgsqlConnection connection, string organizationId, string subscriptionId, long changeSeq, DateTimeOffset now, CancellationToken cancellationToken) =>
        connection.QuerySingleOrDefaultAsync<SubscriptionRow>(new CommandDefinition(
            """
            INSERT INTO subscriptions AS s (organization_id, subscription_id, checkpoint_seq, created_at, updated_at)
            SELECT @organizationId, @subscriptionId, @changeSeq, @now, @now
            WHERE @changeSeq <= (SELECT last_seq FROM feed_state WHERE id = 1)
            ON CONFLICT (organization_id, subscription_id)
            DO UPDATE SET checkpoint_seq = GREATEST(s.checkpoint_seq, EXCLUDED.checkpoint_seq), updated_at = EXCLUDED.updated_at
            RETURNING organization_id, subscription_id, checkpoint_seq, updated_at
            """,
            new { organizationId, subscriptionId, changeSeq, now = now.UtcDateTime },
            cancellationToken: cancellationToken));
}
