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
    private readonly SupersededDeadLetters superseded = new(state, logger);

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
    /// <remarks>
    /// The marker moves at the end of each segment (<see cref="Segments"/>), once every change of it is
    /// pushed or dead-lettered: a crash inside a segment pushes its registrations again, each answered by
    /// its stored link or by the hub's answer to the same request id, never registered twice.
    /// </remarks>
    internal async Task<int> PushBatchAsync(CancellationToken stoppingToken)
    {
        var marker = await state.GetOutboundMarkerAsync(stoppingToken);
        var batch = await erp.ExecuteAsync(
            async token => await source.ReadChangesAsync(marker, options.BatchSize, token),
            stoppingToken);
        var handled = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.OutboundConcurrency) };
        var groupRegistrations = options.OutboundConcurrency > 1 || options.BulkThreshold > 0;
        foreach (var segment in Segments(batch, groupRegistrations))
        {
            if (stoppingToken.IsCancellationRequested)
            {
                break;
            }

            // The changes in hand are finished even when shutdown starts: their hub calls and the
            // marker go together, so a stop never leaves a pushed change without its marker.
            if (options.BulkThreshold > 0 && segment.Count >= options.BulkThreshold && segment[0].Kind == ErpChangeKind.Register)
            {
                var refused = await pusher.RegisterInBulkAsync(segment, CancellationToken.None);
                foreach (var (change, reason) in refused)
                {
                    await DeadLetterAsync(change, reason);
                }

                foreach (var change in segment.Except(refused.Select(r => r.Change)))
                {
                    await superseded.ResolveAsync(change, CancellationToken.None);
                }
            }
            else if (segment.Count == 1 || options.OutboundConcurrency <= 1)
            {
                foreach (var change in segment)
                {
                    await PushOneAsync(change);
                }
            }
            else
            {
                await Parallel.ForEachAsync(segment, parallel, async (change, _) => await PushOneAsync(change));
            }

            await state.SetOutboundMarkerAsync(segment[^1].Marker, CancellationToken.None);
            handled += segment.Count;
        }

        return handled;
    }

    /// <summary>
    /// Cuts a batch into what may be pushed together: runs of registrations of distinct records (each
    /// stands alone at the hub, idempotent by its request id) when <paramref name="groupRegistrations"/>;
    /// every other change alone, so a record's updates, renewals and radiations reach the hub after its
    /// registration and in the order the ERP wrote them.
    /// </summary>
    internal static IEnumerable<IReadOnlyList<ErpChange>> Segments(IReadOnlyList<ErpChange> batch, bool groupRegistrations)
    {
        var current = new List<ErpChange>();
        var records = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in batch)
        {
            var joins = groupRegistrations
                && change.Kind == ErpChangeKind.Register
                && current.Count > 0
                && current[0].Kind == ErpChangeKind.Register
                && !records.Contains(change.ErpRecordId);
            if (current.Count > 0 && !joins)
            {
                yield return current;
                current = [];
                records.Clear();
            }

            current.Add(change);
            records.Add(change.ErpRecordId);
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    private async Task PushOneAsync(ErpChange change)
    {
        try
        {
            await pusher.PushAsync(change, CancellationToken.None);
        }
        catch (Exception e) when (e is ChangeRefusedException or UnknownCodeException)
        {
            await DeadLetterAsync(change, e.Message);
            return;
        }

        await superseded.ResolveAsync(change, CancellationToken.None);
    }

    private async Task DeadLetterAsync(ErpChange change, string reason)
    {
        await state.AddDeadLetterAsync(new DeadLetter
        {
            // Named after the change: a crash before the segment's marker replays the segment, and its
            // refused changes must not be dead-lettered twice.
            Id = Guid.Parse(RequestIds.For(options.OrganizationId, "dead-letter/" + change.ChangeId)),
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
