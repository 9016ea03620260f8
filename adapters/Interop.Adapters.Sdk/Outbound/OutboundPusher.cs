using Google.Protobuf.WellKnownTypes;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Mapping;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Interop.Contracts.V1;
using Microsoft.Extensions.Logging;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>Pushes one ERP change to the hub and keeps the link of its record up to date.</summary>
internal sealed partial class OutboundPusher(InteropClient hub, IAdapterStateStore state, CodeMapper mapper, AdapterOptions options, AdapterMetrics metrics, TimeProvider timeProvider, ILogger logger)
{
    private const string ApplicationsPrefix = "applications/";

    /// <summary>Pushes <paramref name="change"/>.</summary>
    /// <exception cref="ChangeRefusedException">The hub refused it (a clear answer: dead-letter it).</exception>
    /// <exception cref="UnknownCodeException">A code has no mapping (dead-letter it).</exception>
    public async Task PushAsync(ErpChange change, CancellationToken cancellationToken)
    {
        try
        {
            switch (change.Kind)
            {
                case ErpChangeKind.Register:
                    await RegisterAsync(change, cancellationToken);
                    break;
                case ErpChangeKind.Update:
                case ErpChangeKind.Renew:
                case ErpChangeKind.Radiate:
                    await ReviseAsync(change, cancellationToken);
                    break;
                case ErpChangeKind.Attribute:
                    await AttributeAsync(change, cancellationToken);
                    break;
                default:
                    throw new ChangeRefusedException($"ERP change kind {change.Kind} is not known to the SDK.");
            }
        }
        // A revoked key or a rate limit concerns every change, not this one: a fault (the loop waits and
        // starts again), never a dead letter per change.
        catch (InteropException e) when (e is not (UnauthenticatedException or QuotaExceededException { Reason: InteropErrorReasons.RateLimited }))
        {
            throw new ChangeRefusedException(Describe(e), e);
        }

        metrics.CountPushed();
        if (change.ChangedAt is { } changedAt)
        {
            metrics.SetOutboundLag((DateTimeOffset.UtcNow - changedAt).TotalSeconds);
        }
    }

    private async Task RegisterAsync(ErpChange change, CancellationToken cancellationToken)
    {
        if (await state.FindByErpRecordAsync(change.ErpRecordId, cancellationToken) is { } known)
        {
            // Pushed before the marker was stored (a crash in between): the link says it is done.
            AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), known.Number, known.Revision);
            return;
        }

        var application = Build(change, requireApplication: true)!;
        var desk = change.RegisteringDesk ?? options.RegisteringDesk;
        try
        {
            var created = await hub.Registry.CreateApplicationAsync(new CreateApplicationRequest
            {
                RequestId = RequestIds.For(options.OrganizationId, change.ChangeId),
                RegisteringDesk = desk,
                Application = application,
            }, cancellationToken: cancellationToken);
            await state.SaveLinkAsync(new ApplicationLink(created.Application.Number, change.ErpRecordId, created.Application.Revision), cancellationToken);
            AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), created.Application.Number, created.Application.Revision);
        }
        catch (DuplicateApplicationException e) when (e.ExistingApplications.Count > 0)
        {
            await LinkToExistingAsync(change, e.ExistingApplications[0].Number, cancellationToken);
        }
    }

    /// <summary>The household is already on file (typed at another landlord or earlier here): link, don't register.</summary>
    private async Task LinkToExistingAsync(ErpChange change, string number, CancellationToken cancellationToken)
    {
        var existing = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = ApplicationsPrefix + number }, cancellationToken: cancellationToken);
        await state.SaveLinkAsync(new ApplicationLink(number, change.ErpRecordId, existing.Revision), cancellationToken);
        metrics.CountLinked();
        AdapterLog.LinkedDuplicate(logger, change.ErpRecordId, number);
    }

    private async Task ReviseAsync(ErpChange change, CancellationToken cancellationToken)
    {
        var link = await state.FindByErpRecordAsync(change.ErpRecordId, cancellationToken)
            ?? throw new ChangeRefusedException($"ERP record '{change.ErpRecordId}' is linked to no hub application: its registration must be pushed first.");
        var application = Build(change, requireApplication: change.Kind == ErpChangeKind.Update);
        if (change.Kind == ErpChangeKind.Update && change.ChangedFields.Count == 0)
        {
            throw new ChangeRefusedException($"ERP change '{change.ChangeId}' is an update that names no changed field (ErpChange.ChangedFields).");
        }

        var radiationReason = change.Kind == ErpChangeKind.Radiate
            ? mapper.MapRadiationReason(change.RadiationReasonCode ?? throw new ChangeRefusedException($"ERP change '{change.ChangeId}' radiates without a reason code."))
            : RadiationReason.Unspecified;
        var name = ApplicationsPrefix + link.Number;
        var expected = link.Revision;
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var requestId = RequestIds.For(options.OrganizationId, change.ChangeId, expected);
                var revised = change.Kind switch
                {
                    ErpChangeKind.Update => await hub.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
                    {
                        RequestId = requestId,
                        Application = WithName(application!, name),
                        UpdateMask = Mask(change),
                        ExpectedRevision = expected,
                    }, cancellationToken: cancellationToken),
                    ErpChangeKind.Renew => await hub.Registry.RenewApplicationAsync(new RenewApplicationRequest
                    {
                        RequestId = requestId,
                        Name = name,
                        ExpectedRevision = expected,
                        Application = application is null || change.ChangedFields.Count == 0 ? null : WithName(application, name),
                        UpdateMask = application is null || change.ChangedFields.Count == 0 ? null : Mask(change),
                    }, cancellationToken: cancellationToken),
                    _ => await hub.Registry.RadiateApplicationAsync(new RadiateApplicationRequest
                    {
                        RequestId = requestId,
                        Name = name,
                        ExpectedRevision = expected,
                        Reason = radiationReason,
                    }, cancellationToken: cancellationToken),
                };
                // The link's revision is also what the inbound loop has applied: after a mismatch,
                // the revisions others wrote in between have not reached the ERP yet, and moving
                // the link past them would make the inbound loop skip them as already applied.
                // The next push then meets one more mismatch and re-reads: slower, never lossy.
                var seen = expected == link.Revision ? revised.Revision : link.Revision;
                await state.SaveLinkAsync(link with { Revision = seen }, cancellationToken);
                AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), link.Number, revised.Revision);
                return;
            }
            catch (RevisionMismatchException) when (attempt < options.RevisionRetries)
            {
                // Someone else changed the application: re-read it and re-apply this change on top,
                // as a new request (its id carries the new revision).
                var current = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = name }, cancellationToken: cancellationToken);
                AdapterLog.RevisionMismatch(logger, link.Number, expected, current.Revision, change.ChangeId);
                metrics.CountRetried();
                expected = current.Revision;
            }
        }
    }

    private Application? Build(ErpChange change, bool requireApplication)
    {
        if (change.Application is null)
        {
            return requireApplication
                ? throw new ChangeRefusedException($"ERP change '{change.ChangeId}' ({change.Kind}) carries no application.")
                : null;
        }

        var application = change.Application.Clone();
        mapper.Apply(application, change.Codes);
        return application;
    }

    private static Application WithName(Application application, string name)
    {
        var named = application.Clone();
        named.Name = name;
        return named;
    }

    private static FieldMask Mask(ErpChange change) => new() { Paths = { change.ChangedFields } };

    private static string Describe(InteropException e) => e switch
    {
        InvalidArgumentException invalid when invalid.FieldViolations.Count > 0 =>
            $"{e.Reason}: " + string.Join("; ", invalid.FieldViolations.Select(v => $"{v.Field}: {v.Description}")),
        _ => $"{e.Reason}: {e.Status.Detail}",
    };
}
