using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.Resilience;
using Interop.Adapters.Sdk.State;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Polly;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// The outbound loop: reads the ERP's changes after the stored marker, pushes each one, and stores
/// its marker only after the hub accepted it (or after its dead letter is stored). A crash between
/// the hub's commit and the marker pushes the change again with the same request id, which the hub
/// answers with its first answer: never a second registration.
/// </summary>
internal sealed class OutboundWorker(
    IErpChangeSource source,
    OutboundPusher pusher,
    IAdapterStateStore state,
    ResiliencePipeline erp,
    AdapterOptions options,
    AdapterMetrics metrics,
    TimeProvider timeProvider,
    ILogger logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        RestartingLoop.RunAsync("outbound", PollOnceAsync, options, timeProvider, logger, stoppingToken);

    /// <summary>One batch, then a pause of <see cref="AdapterOptions.PollInterval"/> when the ERP had nothing new.</summary>
    private async Task PollOnceAsync(CancellationToken stoppingToken)
    {
        if (await PushBatchAsync(stoppingToken) == 0)
        {
            await Task.Delay(options.PollInterval, timeProvider, stoppingToken);
        }
    }

    /// <summary>Pushes one batch; returns how many changes it handled.</summary>
    internal async Task<int> PushBatchAsync(CancellationToken stoppingToken)
    {
        var marker = await state.GetOutboundMarkerAsync(stoppingToken);
        var batch = await erp.ExecuteAsync(
            async token => await source.ReadChangesAsync(marker, options.BatchSize, token),
            stoppingToken);
        var handled = 0;
        foreach (var change in batch)
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            // The change in hand is finished even when shutdown starts: its hub call and its marker
            // go together, so a stop never leaves a pushed change without its marker.
            try
            {
                await pusher.PushAsync(change, CancellationToken.None);
            }
            catch (Exception e) when (e is ChangeRefusedException or UnknownCodeException)
            {
                await DeadLetterAsync(change, e.Message);
            }

            await state.SetOutboundMarkerAsync(change.Marker, CancellationToken.None);
            handled++;
        }

        return handled;
    }

    private async Task DeadLetterAsync(ErpChange change, string reason)
    {
        await state.AddDeadLetterAsync(new DeadLetter
        {
            Id = Guid.NewGuid(),
            Direction = DeadLetterDirection.Outbound,
            ChangeId = change.ChangeId,
            ErpRecordId = change.ErpRecordId,
            Reason = reason,
            DeadLetteredAt = timeProvider.GetUtcNow(),
            ErpChange = StoredErpChange.Serialize(change),
        }, CancellationToken.None);
        metrics.CountDeadLettered("outbound");
        AdapterLog.DeadLettered(logger, "outbound", change.ChangeId, reason);
    }
}
