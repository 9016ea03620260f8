namespace Interop.Feed.Benchmarks;

/// <summary>
/// The subscribers of one phase, started and caught up with the head they started after, wherever they run: in the
/// benchmark's process (<see cref="SubscriberGroup"/>) or in a process of their own (<see cref="SubscriberProcess"/>,
/// <c>--subscribers-apart</c>). Disposing them closes their streams.
/// </summary>
internal interface IPhaseSubscribers : IAsyncDisposable
{
    /// <summary>The process whose CPU the subscribers use apart from the benchmark's, or null when they run in it.</summary>
    int? ProcessId { get; }

    /// <summary>Waits until every fast subscriber has reached <paramref name="head"/>, or <paramref name="timeout"/> has passed (the tallies then show what is missing).</summary>
    Task DrainAsync(long head, TimeSpan timeout);

    /// <summary>What each subscriber received so far.</summary>
    Task<PhaseTallies> TallyAsync();
}
