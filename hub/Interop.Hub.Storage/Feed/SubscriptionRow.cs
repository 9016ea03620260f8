namespace Interop.Hub.Storage.Feed;

/// <summary>A row of <c>subscriptions</c>.</summary>
public sealed class SubscriptionRow
{
    public string OrganizationId { get; init; } = "";
    public string SubscriptionId { get; init; } = "";
    public long CheckpointSeq { get; init; }
    public DateTime UpdatedAt { get; init; }
}
