using Grpc.Core;
using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

internal sealed partial class RegistryService
{
    public override Task<V1.Application> UpdateApplication(V1.UpdateApplicationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        var number = "";
        if (request.Application is null)
        {
            violations.Add("application", "The application with its name and new values is required.");
        }
        else
        {
            RequestRules.ApplicationName(request.Application.Name, "application.name", violations, out number);
        }

        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var paths = UpdateMask.Validate(request.UpdateMask, "update_mask", required: true, violations);
        var incoming = UpdateMask.Incoming(request.Application, paths, violations);
        violations.ThrowIfAny();

        return ChangeAsync(
            context, request, request.RequestId, nameof(UpdateApplication), number, request.ExpectedRevision, ChangeKind.Updated,
            (current, today) =>
            {
                var household = MergeAndValidate(current, incoming, paths, today);
                return ApplicationLifecycle.Update(current, household);
            },
            _ => new { fields = paths });
    }

    public override Task<V1.Application> RenewApplication(V1.RenewApplicationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var paths = UpdateMask.Validate(request.UpdateMask, "update_mask", required: false, violations);
        if (paths.Count > 0 && request.Application is null)
        {
            violations.Add("application", "The new values named by update_mask are missing.");
        }

        var incoming = UpdateMask.Incoming(request.Application, paths, violations);
        violations.ThrowIfAny();

        return ChangeAsync(
            context, request, request.RequestId, nameof(RenewApplication), number, request.ExpectedRevision, ChangeKind.Renewed,
            (current, today) =>
            {
                var household = paths.Count == 0 ? null : MergeAndValidate(current, incoming, paths, today);
                return ApplicationLifecycle.Renew(current, today, household);
            },
            renewed => new { fields = paths, last_renewed_date = renewed.LastRenewedDate, expiry_date = renewed.ExpiryDate });
    }

    public override Task<V1.Application> RadiateApplication(V1.RadiateApplicationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var reason = (RadiationReason)(int)request.Reason;
        if (reason is not (RadiationReason.Renunciation or RadiationReason.NoAnswer))
        {
            violations.Add(
                "reason",
                "An organisation radiates for RADIATION_REASON_RENUNCIATION (RADABA) or RADIATION_REASON_NO_ANSWER (RADCON); the other reasons come from the hub's renewal job and the attribution path.");
        }

        var letter = DateMapping.ToDateOnly(request.WarningLetterDate, "warning_letter_date", violations);
        if (reason == RadiationReason.Renunciation && letter is not null)
        {
            violations.Add("warning_letter_date", "is only given with RADIATION_REASON_NO_ANSWER.");
        }

        // A letter is sent before it is reported: a date after today is a typing mistake.
        var today = FrenchCalendar.Today(time);
        if (letter > today)
        {
            violations.Add("warning_letter_date", $"must not be after today ({today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}).");
        }

        violations.ThrowIfAny();

        return ChangeAsync(
            context, request, request.RequestId, nameof(RadiateApplication), number, request.ExpectedRevision, ChangeKind.Radiated,
            (current, today) => ApplicationLifecycle.Radiate(current, reason, letter, InadmissibilityReason.Unspecified, ActorKind.Organisation, today),
            ChangeDetails.Status);
    }

    public override Task<V1.Application> ReactivateApplication(V1.ReactivateApplicationRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        violations.ThrowIfAny();

        return ChangeAsync(
            context, request, request.RequestId, nameof(ReactivateApplication), number, request.ExpectedRevision, ChangeKind.Reactivated,
            (current, today) => ApplicationLifecycle.Reactivate(current, today),
            ChangeDetails.Status);
    }

    /// <summary>
    /// The stored household with the masked fields replaced, validated whole:
    /// a change to one field can break a rule that spans several (a
    /// co-applicant link without a co-applicant). The state is checked first,
    /// so an inactive application gets FAILED_PRECONDITION, not field errors.
    /// </summary>
    private static Household MergeAndValidate(ApplicationRecord current, Household incoming, IReadOnlyList<string> paths, DateOnly today)
    {
        if (current.Status != ApplicationStatus.Active || current.Household is null)
        {
            ApplicationLifecycle.Update(current, current.Household ?? new Household());
        }

        var merged = UpdateMask.Apply(current.Household!, incoming, paths);
        var violations = new Violations();
        HouseholdValidator.Validate(merged, current.Departement, today, "application", violations);
        violations.ThrowIfAny();
        return merged;
    }
}
