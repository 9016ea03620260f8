using System.Collections.Concurrent;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Benchmarks;

/// <summary>
/// The hub's own commit-to-delivery latency in the same run: a plain subscription through the client
/// library (no adapter, no ERP), from each registration's change_time (stamped by the hub at the write)
/// to its arrival here.
/// </summary>
internal sealed class HubDeliveries : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, double> latencyByApplication = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTime> committedAt = new(StringComparer.Ordinal);
    private readonly FeedReadLoop loop;

    public HubDeliveries(InteropClient client, long after)
    {
        var subscription = client.Subscribe(new FeedSubscriptionOptions { SubscriptionId = "lag-baseline", StartAfterChangeSeq = after });
        loop = FeedReadLoop.Start(subscription.ReadAllAsync, (change, _) =>
        {
            if (change.Kind == ChangeKind.Registered)
            {
                var committed = change.ChangeTime.ToDateTime();
                latencyByApplication.TryAdd(change.Application, (DateTime.UtcNow - committed).TotalMilliseconds);
                committedAt.TryAdd(change.Application, committed);
            }

            return ValueTask.CompletedTask;
        });
    }

    public int Count => latencyByApplication.Count;

    public List<double> Latencies() => [.. latencyByApplication.Values];

    /// <summary>When the hub registered the application (its change_time), if this subscriber saw it.</summary>
    public DateTime? CommittedAt(string number) => committedAt.TryGetValue("applications/" + number, out var at) ? at : null;

    public ValueTask DisposeAsync() => loop.DisposeAsync();
}
