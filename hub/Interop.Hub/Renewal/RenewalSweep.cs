using Interop.Hub.Applications;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;

namespace Interop.Hub.Renewal;

/// <summary>
/// The hub's renewal job: radiates with RADREN every active application one
/// month past its expiry (13 months after the last filing or renewal). Each
/// application is radiated in its own transaction under a row lock, after the
/// rule is checked again, so several hub processes may sweep at once and a
/// renewal that lands meanwhile wins.
/// </summary>
internal sealed class RenewalSweep(
    RegistryDatabase database, ApplicationStore applications, ApplicationWriter writer, TimeProvider time, ILogger<RenewalSweep> logger)
{
    public const string Actor = "hub:renewal-job";

    private const int BatchSize = 500;

    /// <summary>Radiates every application due today; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var radiated = 0;
        while (true)
        {
            var today = FrenchCalendar.Today(time);

            // Expiry + 1 month <= today, widened by 3 days because adding a
            // month clamps at month ends (31 Jan + 1 month = 28 Feb); the exact
            // rule is applied per row below.
            var candidates = await CandidatesAsync(today.AddMonths(-1).AddDays(3), cancellationToken);
            var radiatedInBatch = 0;
            foreach (var number in candidates)
            {
                if (await RadiateIfDueAsync(number, cancellationToken))
                {
                    radiatedInBatch++;
                }
            }

            radiated += radiatedInBatch;
            if (candidates.Count < BatchSize || radiatedInBatch == 0)
            {
                break;
            }
        }

        if (radiated > 0)
        {
            RenewalLog.Radiated(logger, radiated);
            await database.NotifyChangesAsync(cancellationToken);
        }

        return radiated;
    }

    private async Task<IReadOnlyList<string>> CandidatesAsync(DateOnly expiredOnOrBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await applications.ListActiveExpiredAsync(connection, expiredOnOrBefore, BatchSize, cancellationToken);
    }

    private async Task<bool> RadiateIfDueAsync(string number, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await writer.LockAsync(transaction, number, cancellationToken);
        var now = time.GetUtcNow();
        var today = FrenchCalendar.DateOf(now);
        if (current is null || !ApplicationLifecycle.IsDueForNonRenewalRadiation(current, today))
        {
            return false;
        }

        await writer.WriteAsync(
            transaction, ChangeAuthor.Job(Actor), current,
            ApplicationLifecycle.Radiate(current, RadiationReason.NotRenewed, null, InadmissibilityReason.Unspecified, ActorKind.Hub, today),
            ChangeKind.Radiated,
            _ => new { status = "radiated", radiation_reason = SneCodes.Of(RadiationReason.NotRenewed), expiry_date = current.ExpiryDate },
            now,
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
