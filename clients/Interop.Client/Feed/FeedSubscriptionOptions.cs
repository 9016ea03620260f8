using Interop.Contracts.V1;

namespace Interop.Client;

/// <summary>
/// What a <see cref="FeedSubscription"/> follows and how it acknowledges and
/// reconnects. Read once by <see cref="InteropClient.Subscribe"/>.
/// </summary>
public sealed class FeedSubscriptionOptions
{
    /// <summary>
    /// The organisation's subscription: 1 to 63 characters from <c>a-z</c>,
    /// <c>0-9</c> and <c>-</c>, created by the hub on first use. Its stored
    /// checkpoint is where a new subscription resumes. Required.
    /// </summary>
    public string SubscriptionId { get; set; } = "";

    /// <summary>Only these change kinds; empty (the default) means all.</summary>
    public IList<ChangeKind> Kinds { get; } = new List<ChangeKind>();

    /// <summary>Only applications of these départements (<c>14</c>, <c>2A</c>, <c>974</c>); empty (the default) means all the organisation may see.</summary>
    public IList<string> Departements { get; } = new List<string>();

    /// <summary>Only applications wishing one of these communes (INSEE codes); empty (the default) means all.</summary>
    public IList<string> WishedCommuneCodes { get; } = new List<string>();

    /// <summary>Also deliver the organisation's own changes. Default false: they are not echoed back.</summary>
    public bool IncludeOwnChanges { get; set; }

    /// <summary>
    /// Start after this change_seq instead of the stored checkpoint, on the
    /// first connection only (reconnections resume after
    /// <see cref="FeedSubscription.Position"/>). Default null: the stored
    /// checkpoint. Used after <see cref="CheckpointExpiredException"/> with
    /// the listing's <c>change_seq</c>.
    /// </summary>
    public long? StartAfterChangeSeq { get; set; }

    /// <summary>Acknowledge once this many positions were processed since the last acknowledgement. Default 100.</summary>
    public int AcknowledgeEvery { get; set; } = 100;

    /// <summary>Acknowledge what was processed at least this often, even when fewer than <see cref="AcknowledgeEvery"/> positions were. Default 5 seconds.</summary>
    public TimeSpan AcknowledgeInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the subscription stores its position at the hub by itself: in
    /// batches (<see cref="AcknowledgeEvery"/>, <see cref="AcknowledgeInterval"/>)
    /// and when disposed. Default true. Set it to false when the position may
    /// move only once the caller's own work is safe (a file published, a
    /// transaction committed): then only <see cref="FeedSubscription.AcknowledgeAsync"/>
    /// acknowledges, and a failed run leaves the hub's checkpoint where it was.
    /// </summary>
    public bool AcknowledgeAutomatically { get; set; } = true;

    /// <summary>
    /// The delay before reconnecting after the stream ended or broke; it
    /// doubles after each failed connection, with jitter (half to all of the
    /// computed delay), and resets once a message arrives. Default 200 milliseconds.
    /// </summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two connection attempts. Default 30 seconds.</summary>
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// End <see cref="FeedSubscription.ReadAllAsync"/> once the hub says the
    /// subscriber has every change up to the head (its <c>caught_up</c>
    /// marker), instead of waiting for new changes. For batch jobs and tests.
    /// Default false.
    /// </summary>
    public bool StopWhenCaughtUp { get; set; }
}
