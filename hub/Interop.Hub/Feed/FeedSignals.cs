namespace Interop.Hub.Feed;

/// <summary>The two wake-ups of the feed: changes committed (for the sequencer), changes sequenced (for the streams).</summary>
internal sealed class FeedSignals
{
    public const string SequencedChannel = "interop_feed";

    public FeedSignal Committed { get; } = new();

    public FeedSignal Sequenced { get; } = new();
}
