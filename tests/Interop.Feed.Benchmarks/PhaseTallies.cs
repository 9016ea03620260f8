namespace Interop.Feed.Benchmarks;

/// <summary>What the subscribers of a phase received: each fast one's, and the slow one's when the phase has it.</summary>
internal sealed record PhaseTallies(List<SubscriberTally> Fast, SubscriberTally? Slow);
