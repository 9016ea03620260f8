using Interop.Hub.Feed;

namespace Interop.Hub.Cotation;

/// <summary>Wakes this process' rescoring job when a publication committed here; other replicas find it by polling.</summary>
internal sealed class RescoringSignal
{
    public FeedSignal Requested { get; } = new();
}
