using Grpc.Core;
using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.NationalExchange;

internal sealed partial class NationalExchangeService
{
    public override Task<V1.Application> RecordNationalDaloDecision(V1.RecordNationalDaloDecisionRequest request, ServerCallContext context)
    {
        var violations = new Violations();
        RequestRules.RequestId(request.RequestId, violations);
        RequestRules.ApplicationName(request.Name, "name", violations, out var number);
        RequestRules.ExpectedRevision(request.ExpectedRevision, violations);
        var status = EnumMapping.ToDomain<DaloStatus>((int)request.DaloStatus, "dalo_status", violations);
        if (status == DaloStatus.Unspecified && !violations.All.Any(v => v.Field == "dalo_status"))
        {
            violations.Add("dalo_status", "is required: the decided status (NONE, ACTIVE, LAPSED or REHOUSED).");
        }

        var date = DayDecided(request.DecisionDate, "decision_date", "the day of the DALO decision", violations);

        RequestRules.Text(request.NationalReference, "national_reference", MaxReferenceLength, required: false, violations);
        violations.ThrowIfAny();

        var principal = RequireNationalExchange(context);
        return writer.RunAsync(
            principal.OrganizationId,
            request.RequestId,
            nameof(RecordNationalDaloDecision),
            request,
            async (transaction, now, token) =>
            {
                var current = await applicationWriter.LockVisibleAsync(transaction, principal, number, token);
                ApplicationWriter.RequireRevision(current, request.ExpectedRevision);
                var household = current.Household ?? new Household();

                // A decision the hub already holds is not a change: no revision, nothing on the feed,
                // so the same decision reported again (another return file) reaches no ERP twice.
                if (current.Status == ApplicationStatus.Active && household.Priority.DaloStatus == status)
                {
                    return ApplicationMapper.ToProto(current);
                }

                var decided = ApplicationLifecycle.Update(current, household with { Priority = household.Priority with { DaloStatus = status } });
                var written = await applicationWriter.WriteAsync(
                    transaction, ChangeAuthor.Caller(context, principal, request.RequestId), current, decided, ChangeKind.Updated,
                    _ => new
                    {
                        fields = new[] { "priority" },
                        dalo_status = status.ToString().ToLowerInvariant(),
                        decision_date = date,
                        national_reference = request.NationalReference,
                    },
                    now,
                    token);
                return ApplicationMapper.ToProto(written);
            },
            context.CancellationToken);
    }
}
