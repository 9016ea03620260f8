using Interop.Client;

namespace Interop.Feed.Benchmarks;

/// <summary>
/// The subscribers of one phase in this process: <c>count</c> fast ones spread over the given clients (connections),
/// and optionally one slow one on a connection of its own, so that only its stream's HTTP/2 window fills up. The
/// benchmark runs them itself by default; the subscriber process (<see cref="SubscriberHost"/>) runs the same group.
/// </summary>
internal sealed class SubscriberGroup : IPhaseSubscribers
{
    private readonly List<FeedSubscriber> fast;
    private readonly FeedSubscriber? slow;

    private SubscriberGroup(List<FeedSubscriber> fast, FeedSubscriber? slow)
    {
        this.fast = fast;
        this.slow = slow;
    }

    public int? ProcessId => null;

    /// <summary>Starts the subscribers and returns once every one of them, the slow one included, said it caught up.</summary>
    /// <param name="slowPause">The slow subscriber's pause after each change; null: no slow subscriber.</param>
    public static async Task<SubscriberGroup> StartAsync(
        IReadOnlyList<InteropClient> clients, InteropClient slowClient, string label, int count, long after, TimeSpan? slowPause, TimeSpan timeout)
    {
        var fast = Enumerable.Range(0, count)
            .Select(i => FeedSubscriber.Start(clients[i % clients.Count], $"{label}-{i}", after))
            .ToList();
        var slow = slowPause is { } pause ? FeedSubscriber.Start(slowClient, $"{label}-slow", after, pause) : null;
        var group = new SubscriberGroup(fast, slow);
        try
        {
            await Task.WhenAll(fast.Append(slow).OfType<FeedSubscriber>().Select(s => s.WaitForCaughtUpAsync(timeout)));
            return group;
        }
        catch
        {
            await group.DisposeAsync();
            throw;
        }
    }

    public async Task DrainAsync(long head, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (fast.Any(s => s.Position < head) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
    }

    public Task<PhaseTallies> TallyAsync() => Task.FromResult(new PhaseTallies([.. fast.Select(s => s.Tally())], slow?.Tally()));

    public async ValueTask DisposeAsync()
    {
        foreach (var subscriber in fast.Append(slow).OfType<FeedSubscriber>())
        {
            await subscriber.DisposeAsync();
        }
    }
}
