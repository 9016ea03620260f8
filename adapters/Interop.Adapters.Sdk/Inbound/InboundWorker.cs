using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Resilience;
using Interop.Client;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Inbound;

/// <summary>
/// The inbound loop: follows the hub's change feed through the client library's resumable
/// subscription and applies each change before asking for the next, so the checkpoint the
/// subscription stores at the hub never passes a change the ERP has not taken (or dead-lettered).
/// </summary>
internal sealed class InboundWorker(InteropClient hub, InboundApplier applier, AdapterOptions options, AdapterMetrics metrics, TimeProvider timeProvider, ILogger logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RestartingLoop.RunAsync("inbound", FollowAsync, options, timeProvider, logger, stoppingToken);

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var subscriptionOptions = new FeedSubscriptionOptions { SubscriptionId = options.SubscriptionId, ReconnectMaxDelay = options.FeedReconnectMaxDelay };
        foreach (var departement in options.Departements)
        {
            subscriptionOptions.Departements.Add(departement);
        }

        await using var subscription = hub.Subscribe(subscriptionOptions);
        await foreach (var change in subscription.ReadAllAsync(stoppingToken))
        {
            // Not the stopping token: a shutdown finishes the change in hand (the ERP pipeline's timeout bounds it).
            await applier.ApplyAsync(change, CancellationToken.None);
            if (subscription.CaughtUpTo is { } head)
            {
                metrics.SetInboundLag(metrics.InboundLagSeconds, head - change.ChangeSeq);
            }

            if (stoppingToken.IsCancellationRequested)
            {
                // Counts the change just applied and stores the checkpoint before leaving.
                await subscription.AcknowledgeAsync(CancellationToken.None);
                break;
            }
        }
    }
}
