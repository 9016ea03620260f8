using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Attributions;
using Interop.Hub.Storage.Changes;

namespace Interop.Hub.Attributions;

/// <summary>
/// The hub's RADIRR job: one month after a CAL's rejection for
/// inadmissibility was notified (R441-2-8 d: the warning), radiates the
/// application with the CAL's sub-reason (IRRRES / IRRSEJ). Each proposal is
/// settled in its own transaction, locking the application first as every
/// writer does, after the rule is checked again; so several hub processes may
/// sweep at once, and an application housed or radiated meanwhile is left as
/// it is and the warning simply closed.
/// </summary>
internal sealed class InadmissibilitySweep(
    RegistryDatabase database, ApplicationWriter writer, ProposalStore proposals, TimeProvider time,
    ILogger<InadmissibilitySweep> logger)
{
    public const string Actor = "hub:inadmissibility-job";

    private const int BatchSize = 500;

    /// <summary>Settles every warning that ran out by today; returns how many applications were radiated.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var radiated = 0;
        while (true)
        {
            IReadOnlyList<(string ApplicationNumber, Guid ProposalId)> due;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                due = await proposals.ListInadmissibilityDueAsync(connection, FrenchCalendar.Today(time), BatchSize, cancellationToken);
            }

            var settled = 0;
            foreach (var (number, proposalId) in due)
            {
                var outcome = await SettleAsync(number, proposalId, cancellationToken);
                settled += outcome == Outcome.NotDue ? 0 : 1;
                radiated += outcome == Outcome.Radiated ? 1 : 0;
            }

            if (due.Count < BatchSize || settled == 0)
            {
                break;
            }
        }

        if (radiated > 0)
        {
            AttributionsLog.InadmissibleRadiated(logger, radiated);
            await database.NotifyChangesAsync(cancellationToken);
        }

        return radiated;
    }

    private async Task<Outcome> SettleAsync(string number, Guid proposalId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var application = await writer.LockAsync(transaction, number, cancellationToken);
        var proposal = await proposals.GetForUpdateAsync(transaction, number, proposalId, cancellationToken);
        var now = time.GetUtcNow();
        var today = FrenchCalendar.DateOf(now);
        if (application is null || proposal?.InadmissibilityRadiationDue is not { } due || today < due)
        {
            return Outcome.NotDue;
        }

        var outcome = Outcome.Closed;
        if (AttributionPath.IsDueForInadmissibilityRadiation(proposal, application, today))
        {
            var sub = proposal.CalDecision!.InadmissibilityReason;
            await writer.WriteAsync(
                transaction, ChangeAuthor.Job(Actor), application,
                ApplicationLifecycle.Radiate(application, RadiationReason.Inadmissibility, null, sub, ActorKind.Hub, today),
                ChangeKind.Radiated,
                _ => new
                {
                    status = "radiated",
                    radiation_reason = SneCodes.Of(RadiationReason.Inadmissibility),
                    inadmissibility_reason = SneCodes.Of(sub),
                    proposal = ProposalName.Format(number, proposalId),
                    notification_date = proposal.CalDecision.NotificationDate,
                },
                now,
                cancellationToken);
            outcome = Outcome.Radiated;
        }

        await proposals.UpdateAsync(transaction, proposal with { InadmissibilityRadiationDue = null, UpdatedAt = now }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return outcome;
    }

    private enum Outcome
    {
        NotDue,
        Closed,
        Radiated,
    }
}
