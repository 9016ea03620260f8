using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Time;
using Interop.Hub.Matching;
using Interop.Hub.Storage.Changes;
using Npgsql;

namespace Interop.Hub.Applications;

internal sealed partial class ApplicationRegistrar
{
    /// <summary>
    /// Registers a batch of households in the caller's transaction, set-based: the same steps and rules as
    /// <see cref="RegisterAsync"/> for each, with one statement per step for the whole batch (locks, candidate
    /// query, counters, inserts, index, name counts, change and audit records). Records are decided in the
    /// order given, as if registered one after another: a household the stock already holds is refused as a
    /// certain duplicate, and so is one that an earlier record of the batch registers (it is named by that
    /// record's number). A probable duplicate of an earlier record of the batch is left to the single path
    /// (<see cref="RegistrationOutcome.Deferred"/>); probable duplicates in the stock go to the review queue.
    /// </summary>
    /// <exception cref="BatchUndecidedException">A desk's counter would run out within the batch.</exception>
    public async Task<IReadOnlyList<RegistrationOutcome>> RegisterManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<NewRegistration> registrations, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var today = FrenchCalendar.DateOf(now);
        var people = registrations.Select(r => HouseholdIdentity.Of("", r.Household.Applicant, r.Household.CoApplicant)).ToList();

        // As for one registration: every person's keys locked first (in one sorted pass, so batches and
        // single registrations queue on shared keys instead of deadlocking), then the check sees the stock
        // as the locks left it, then the counters.
        await duplicates.LockManyAsync(transaction, people, cancellationToken);
        var checks = await duplicates.FindManyAsync(
            transaction, people.Select((p, i) => (p, registrations[i].Departement)).ToList(), cancellationToken);

        var outcomes = new RegistrationOutcome?[registrations.Count];
        var kept = new List<int>();
        var keptSet = new HashSet<int>();
        var namedEarlier = new Dictionary<int, List<(int Earlier, MatchResult Result)>>();
        for (var i = 0; i < registrations.Count; i++)
        {
            var check = checks[i];

            // Only earlier records that are registered count: a record refused or deferred is not in the
            // stock when this one would be registered after it alone.
            var earlier = check.EarlierInBatch.Where(m => keptSet.Contains(m.Earlier)).ToList();
            metrics.RecordDuplicateCheck(
                "registration", DuplicateOutcome(check.Stock.Select(m => m.Result.Outcome).Concat(earlier.Select(m => m.Result.Outcome))));
            if (CertainDuplicate(check.Stock, registrations[i].Caller) is { } refusal)
            {
                outcomes[i] = new RegistrationOutcome.Refused(refusal);
            }
            else if (earlier.Any(m => m.Result.Outcome == MatchOutcome.Certain))
            {
                // Refused once the earlier record has its number (below).
                namedEarlier[i] = earlier.Where(m => m.Result.Outcome == MatchOutcome.Certain).ToList();
            }
            else if (earlier.Count > 0)
            {
                outcomes[i] = new RegistrationOutcome.Deferred();
            }
            else
            {
                kept.Add(i);
                keptSet.Add(i);
            }
        }

        var numbers = await MintManyAsync(transaction, kept.Select(i => registrations[i]).ToList(), today, cancellationToken);
        var created = new Dictionary<int, ApplicationRecord>();
        for (var k = 0; k < kept.Count; k++)
        {
            var registration = registrations[kept[k]];
            created[kept[k]] = ApplicationLifecycle.Register(numbers[k], registration.Departement, registration.Desk, today, registration.Household)
                with { CreatedAt = now, UpdatedAt = now };
        }

        var records = kept.Select(i => created[i]).ToList();
        if (records.Count > 0)
        {
            await applications.InsertManyAsync(transaction, records, "registered", cancellationToken);
            await duplicates.IndexManyAsync(transaction, records, cancellationToken);
            foreach (var i in kept)
            {
                await OpenReviewItemsAsync(transaction, created[i], checks[i].Stock, now, cancellationToken);
            }

            await applicationWriter.RecordNewAsync(
                transaction, kept.Select(i => (registrations[i].Author, created[i])).ToList(), ChangeKind.Registered, ChangeDetails.Status, now, cancellationToken);
        }

        foreach (var i in kept)
        {
            outcomes[i] = new RegistrationOutcome.Registered(new RegisteredApplication(created[i], checks[i].Stock));
            RegistrarLog.Registered(logger, created[i].Number, created[i].RegisteringDesk);
        }

        foreach (var (i, matches) in namedEarlier)
        {
            outcomes[i] = new RegistrationOutcome.Refused(
                CertainDuplicate(matches.Select(m => new DuplicateMatch(created[m.Earlier], m.Result)).ToList(), registrations[i].Caller)!);
        }

        return outcomes.Select(o => o!).ToList();
    }

    /// <summary>
    /// The numbers of a batch, in its order: each desk's counter for the month taken once for all its
    /// records, so they are consecutive, with no gap, as one registration after another would number them.
    /// </summary>
    private async Task<IReadOnlyList<string>> MintManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<NewRegistration> registrations, DateOnly today, CancellationToken cancellationToken)
    {
        if (registrations.Count == 0)
        {
            return [];
        }

        var month = ApplicationNumber.MonthKey(today);
        var takes = registrations.GroupBy(r => (r.Departement, r.Desk)).Select(g => (g.Key.Departement, month, g.Key.Desk, g.Count())).ToList();
        var last = await counters.TakeManyAsync(transaction, takes, cancellationToken);
        if (last.Values.Any(v => v > ApplicationNumber.MaxCounter))
        {
            throw new BatchUndecidedException("A desk's counter runs out of numbers within the batch.");
        }

        var next = takes.ToDictionary(t => (t.Departement, t.Desk), t => last[(t.Departement, month, t.Desk)] - t.Item4 + 1);
        var numbers = new List<string>(registrations.Count);
        foreach (var registration in registrations)
        {
            var key = (registration.Departement, registration.Desk);
            numbers.Add(ApplicationNumber.Mint(registration.Departement, today, registration.Desk, next[key]));
            next[key]++;
        }

        return numbers;
    }
}
