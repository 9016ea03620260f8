using Grpc.Core;
using Interop.Hub.Access;
using Interop.Hub.Applications;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Idempotency;
using Interop.Hub.Registry;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.NationalExchange;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.NationalExchange;

/// <summary>
/// What the national registry answers to the daily export
/// (interop.v1.NationalExchangeService): rejected lines recorded against their
/// application, resolved once a later revision is acknowledged, and radiations
/// decided elsewhere. Thin: validates and maps, writes through
/// <see cref="IdempotentWriter"/>. Split by group of methods into partial files.
/// </summary>
internal sealed partial class NationalExchangeService(
    RegistryDatabase database,
    ApplicationStore applications,
    ApplicationWriter applicationWriter,
    NationalRejectionStore rejections,
    IdempotentWriter writer,
    TimeProvider time) : V1.NationalExchangeService.NationalExchangeServiceBase
{
    private const int MaxReferenceLength = 200;

    public override Task<V1.Application> RecordNationalRadiation(V1.RecordNationalRadiationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var reason = EnumMapping.ToDomain<RadiationReason>((int)request.Reason, "reason", violations);
        if (reason == RadiationReason.Unspecified)
        {
            violations.Add("reason", "is required: the national radiation's reason.");
        }

        var sub = EnumMapping.ToDomain<InadmissibilityReason>((int)request.InadmissibilityReason, "inadmissibility_reason", violations);
        if (reason == RadiationReason.Inadmissibility && sub == InadmissibilityReason.Unspecified)
        {
            violations.Add("inadmissibility_reason", "is required with RADIATION_REASON_INADMISSIBILITY (IRRRES or IRRSEJ).");
        }

        var date = DayDecided(request.RadiationDate, "radiation_date", "the day the national registry radiated the application", violations);

        RequestRules.Text(request.NationalReference, "national_reference", MaxReferenceLength, required: false, violations);
        violations.ThrowIfAny();

        var principal = RequireNationalExchange(context);
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(RecordNationalRadiation),
            request,
            async (transaction, now, token) =>
            {
                var current = await applicationWriter.LockVisibleAsync(transaction, principal, number, token);
                ApplicationWriter.RequireRevision(current, request.ExpectedRevision);
                var radiated = ApplicationLifecycle.Radiate(current, reason, null, sub, ActorKind.NationalRegistry, date!.Value);
                var written = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, principal, request.RequestId), current, radiated, ChangeKind.Radiated,
                    state => new
                    {
                        status = state.Status.ToString().ToLowerInvariant(),
                        radiation_reason = state.Radiation is null ? null : SneCodes.Of(state.Radiation.Reason),
                        national_reference = request.NationalReference,
                    },
                    now,
                    token);
                return ApplicationMapper.ToProto(written);
            },
            context.CancellationToken);
    }

    private static Principal RequireNationalExchange(ServerCallContext context)
    {
        var principal = context.Caller();
        if (!AccessPolicy.ReportsNationalReturns(principal.Organization))
        {
            throw Denials.NotAllowed(principal, "report the national registry's answers: only the national exchange organisation does");
        }

        return principal;
    }

    /// <summary>The day the national side decided something: required, and not after today (French time).</summary>
    private DateOnly? DayDecided(Google.Type.Date? value, string field, string what, Violations violations)
    {
        var date = DateMapping.ToDateOnly(value, field, violations);
        var today = FrenchCalendar.Today(time);
        if (date is null && !violations.All.Any(v => v.Field == field))
        {
            violations.Add(field, $"is required: {what}.");
        }
        else if (date > today)
        {
            violations.Add(field, $"must not be after today ({today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        return date;
    }
}
