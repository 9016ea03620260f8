using System.Text.Json;
using Interop.Hub.Applications;
using Interop.Hub.Configuration;
using Interop.Hub.Core.Retention;
using Interop.Hub.Core.Time;
using Interop.Hub.Storage;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;
using Microsoft.Extensions.Options;

namespace Interop.Hub.Retention;

/// <summary>
/// The retention job: erases the personal data of applications radiated more
/// than the retention period ago (one year by law), keeps non-nominative facts
/// for statistics, and appends an <c>erased</c> change so that every ERP
/// erases its copy too. One transaction per application, under its row lock,
/// with the rule checked again: safe on several replicas at once.
/// </summary>
internal sealed class ErasureSweep(
    RegistryDatabase database, ApplicationStore applications, ApplicationWriter writer, Storage.Matching.IdentityIndex identityIndex, TimeProvider time,
    IOptions<InteropOptions> options, ILogger<ErasureSweep> logger)
{
    public const string Actor = "hub:retention-job";

    private const int BatchSize = 500;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var period = options.Value.PersonalDataRetention;
        var erased = 0;
        while (true)
        {
            var today = FrenchCalendar.Today(time);
            IReadOnlyList<string> candidates;
            await using (var connection = await database.OpenAsync(cancellationToken))
            {
                candidates = await applications.ListRadiatedOnOrBeforeAsync(
                    connection, today.AddDays(-(int)Math.Ceiling(period.TotalDays)), BatchSize, cancellationToken);
            }

            var erasedInBatch = 0;
            foreach (var number in candidates)
            {
                if (await EraseIfDueAsync(number, period, cancellationToken))
                {
                    erasedInBatch++;
                }
            }

            erased += erasedInBatch;
            if (candidates.Count < BatchSize || erasedInBatch == 0)
            {
                break;
            }
        }

        if (erased > 0)
        {
            RetentionLog.Erased(logger, erased, period);
            await database.NotifyChangesAsync(cancellationToken);
        }

        return erased;
    }

    private async Task<bool> EraseIfDueAsync(string number, TimeSpan period, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = await writer.LockAsync(transaction, number, cancellationToken);
        var now = time.GetUtcNow();
        if (current is null || !PersonalDataRetention.IsDueForErasure(current, FrenchCalendar.DateOf(now), period))
        {
            return false;
        }

        // The row keeps the non-nominative facts for statistics, so it is
        // erased rather than updated.
        var statistics = JsonSerializer.Serialize(PersonalDataRetention.FactsOf(current), JsonSerializerOptions.Web);
        await writer.WriteAsync(
            transaction, ChangeAuthor.Job(Actor), current, PersonalDataRetention.Erase(current), ChangeKind.Erased,
            _ => new { status = "erased", radiation_date = current.Radiation?.Date },
            now,
            cancellationToken,
            (tx, erased, token) => applications.EraseAsync(tx, erased, statistics, token));

        // The blocking keys are derived from the erased identity: they go too.
        await identityIndex.RemoveAsync(transaction, number, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        RetentionLog.ErasedOne(logger, number, current.Radiation?.Date);
        return true;
    }
}
