using Google.Protobuf;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.State;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;
using Polly;

namespace Interop.Adapters.Sdk.Inbound;

/// <summary>Applies one hub change to the ERP through the sink, once, and records it.</summary>
internal sealed class InboundApplier(IHubChangeSink sink, IAdapterStateStore state, ResiliencePipeline erp, AdapterMetrics metrics, TimeProvider timeProvider, ILogger logger)
{
    private const string ApplicationsPrefix = "applications/";

    /// <summary>
    /// Applies <paramref name="change"/> unless it was applied already; a refusal of the ERP is
    /// dead-lettered and counts as handled (the feed goes on). Any other failure is thrown, so the
    /// caller does not move its checkpoint past the change.
    /// </summary>
    public async Task ApplyAsync(Change change, CancellationToken cancellationToken)
    {
        var number = Number(change);
        var link = await state.FindByNumberAsync(number, cancellationToken);
        // At least once on the wire, once in the ERP: a change comes again after a reconnection or a
        // crash before the hub stored the checkpoint; its id or its revision tells it was applied.
        if (await state.WasAppliedAsync(change.ChangeId, cancellationToken) || (link is not null && change.Revision <= link.Revision))
        {
            metrics.CountSkipped();
            AdapterLog.Skipped(logger, change.ChangeId, change.Application, change.Revision);
            return;
        }

        try
        {
            await ApplyThroughSinkAsync(change, link, cancellationToken);
        }
        catch (ErpRefusedException e)
        {
            await state.AddDeadLetterAsync(new DeadLetter
            {
                Id = Guid.NewGuid(),
                Direction = DeadLetterDirection.Inbound,
                ChangeId = change.ChangeId,
                Application = change.Application,
                Reason = e.Message,
                DeadLetteredAt = timeProvider.GetUtcNow(),
                HubChange = change.ToByteArray(),
            }, cancellationToken);
            // Handled: the dead letter holds it now, and a redelivery must not dead-letter it twice.
            await state.MarkAppliedAsync(change.ChangeId, cancellationToken);
            metrics.CountDeadLettered("inbound");
            AdapterLog.DeadLettered(logger, "inbound", change.ChangeId, e.Message);
        }
    }

    /// <summary>Applies a change whatever was recorded of it (a dead letter's replay); a refusal is thrown.</summary>
    public async Task ReplayAsync(Change change, CancellationToken cancellationToken)
    {
        var link = await state.FindByNumberAsync(Number(change), cancellationToken);
        await ApplyThroughSinkAsync(change, link, cancellationToken);
    }

    private async Task ApplyThroughSinkAsync(Change change, ApplicationLink? link, CancellationToken cancellationToken)
    {
        var erpRecordId = await erp.ExecuteAsync(
            async token => await sink.ApplyAsync(change, link?.ErpRecordId, token),
            cancellationToken);
        var number = Number(change);
        var revision = Math.Max(link?.Revision ?? 0, change.Revision);
        await state.SaveLinkAsync(new ApplicationLink(number, erpRecordId ?? link?.ErpRecordId, revision), cancellationToken);
        await state.MarkAppliedAsync(change.ChangeId, cancellationToken);
        metrics.CountApplied();
        if (change.ChangeTime is { } changeTime)
        {
            metrics.SetInboundLag((timeProvider.GetUtcNow() - changeTime.ToDateTimeOffset()).TotalSeconds, metrics.InboundLagChanges);
        }

        AdapterLog.Applied(logger, change.ChangeId, change.ChangeSeq, change.Application, change.Revision);
    }

    private static string Number(Change change) =>
        change.Application.StartsWith(ApplicationsPrefix, StringComparison.Ordinal) ? change.Application[ApplicationsPrefix.Length..] : change.Application;
}
