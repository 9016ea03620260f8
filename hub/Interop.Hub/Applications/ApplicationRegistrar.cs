using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Time;
using Interop.Hub.Matching;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Changes;
using Interop.Hub.Storage.Matching;
using Interop.Hub.Storage.Numbering;
using Npgsql;

namespace Interop.Hub.Applications;

/// <summary>
/// The write side of a new application, and of an identity that changes: inside
/// the caller's transaction (the one that claims the request id), it serialises
/// registrations of one person, checks the stock for duplicates, mints the
/// number, inserts the application, indexes its identity, opens review items
/// for probable duplicates and records the change. Registration, import and the
/// identity re-check after an update share these steps here, so each is written once.
/// </summary>
internal sealed partial class ApplicationRegistrar(
    ApplicationStore applications,
    NumberCounterStore counters,
    DuplicateFinder duplicates,
    ReviewStore reviews,
    ApplicationWriter applicationWriter,
    Diagnostics.HubMetrics metrics,
    ILogger<ApplicationRegistrar> logger)
{
    /// <summary>
    /// Registers a household: refused (ALREADY_EXISTS) when the stock holds a
    /// certain duplicate in the département; registered with its probable ones,
    /// which go to the review queue.
    /// </summary>
    /// <exception cref="DuplicateApplicationException">A certain duplicate exists.</exception>
    /// <exception cref="QuotaExceededException">The desk has minted every number of the month.</exception>
    public async Task<RegisteredApplication> RegisterAsync(
        NpgsqlTransaction transaction, NewRegistration registration, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (departement, desk, household) = (registration.Departement, registration.Desk, registration.Household);
        var today = FrenchCalendar.DateOf(now);

        // One household, one application per département: a certain duplicate
        // is refused before a number is minted; probable ones are registered and
        // go to the review queue. The person's keys are locked first, so two
        // desks registering the same household at once cannot both find nothing;
        // checked before the desk's counter is taken, so the counter row stays
        // locked briefly.
        var person = HouseholdIdentity.Of("", household.Applicant, household.CoApplicant);
        await duplicates.LockAsync(transaction, person, cancellationToken);
        var matches = await duplicates.FindAsync(transaction, person, departement, null, cancellationToken);
        metrics.RecordDuplicateCheck("registration", DuplicateOutcome(matches.Select(m => m.Result.Outcome)));
        if (CertainDuplicate(matches, registration.Caller) is { } refusal)
        {
            throw refusal;
        }

        var number = await MintAsync(transaction, departement, desk, today, cancellationToken);
        var record = ApplicationLifecycle.Register(number, departement, desk, today, household) with { CreatedAt = now, UpdatedAt = now };
        await InsertAsync(transaction, record, "registered", cancellationToken);
        await OpenReviewItemsAsync(transaction, record, matches, now, cancellationToken);
        await applicationWriter.RecordAsync(
            transaction, registration.Author, record, null, ChangeKind.Registered, ChangeDetails.Status(record), now, cancellationToken);
        RegistrarLog.Registered(logger, number, desk);
        return new RegisteredApplication(record, matches);
    }

    /// <summary>
    /// Imports an application numbered elsewhere, as it is: no duplicate check
    /// (the other registry already decided it is one household), but indexed so
    /// later registrations find it.
    /// </summary>
    /// <exception cref="AlreadyExistsException">The number is already in the registry.</exception>
    public async Task<ApplicationRecord> ImportAsync(
        NpgsqlTransaction transaction, ImportedApplication imported, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var number = imported.Number;
        if (await applications.ExistsAsync(transaction, number, cancellationToken))
        {
            throw new AlreadyExistsException(
                ErrorReasons.NumberTaken, ApplicationMapper.ResourceName(number), $"Number {number} is already in the registry.");
        }

        var record = ApplicationLifecycle.Import(
                number, imported.Departement, imported.Desk, imported.Filed, imported.LastRenewed, FrenchCalendar.DateOf(now), imported.Household)
            with { CreatedAt = now, UpdatedAt = now };

        // A number with our structure could collide with one we mint later:
        // move that counter past it (numbers are never reused).
        if (ApplicationNumber.TryParseStructured(number, out var parts))
        {
            await counters.AdvancePastAsync(transaction, parts.Departement, parts.MonthKey, parts.DeskCode, parts.Counter, cancellationToken);
        }

        await InsertAsync(transaction, record, "imported", cancellationToken);
        await applicationWriter.RecordAsync(
            transaction, imported.Author, record, null, ChangeKind.Imported, ChangeDetails.Status(record), now, cancellationToken);
        RegistrarLog.Imported(logger, number);
        return record;
    }

    /// <summary>
    /// After a change written from <paramref name="current"/> to
    /// <paramref name="changed"/>: an active application whose household
    /// changed is indexed again and checked against the stock, and its matches
    /// go to the review queue (pairs declared distinct excepted). An update is
    /// never refused for it: the desk records what the applicant says.
    /// </summary>
    public async Task RecheckIdentityAsync(
        NpgsqlTransaction transaction, ApplicationRecord current, ApplicationRecord changed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (changed.Status != ApplicationStatus.Active || changed.Household == current.Household)
        {
            return;
        }

        await duplicates.IndexAsync(transaction, changed, countNames: false, cancellationToken);
        var matches = await duplicates.FindAsync(transaction, HouseholdIdentity.Of(changed), changed.Departement, changed.Number, cancellationToken);
        metrics.RecordDuplicateCheck("update", DuplicateOutcome(matches.Select(m => m.Result.Outcome)));
        await OpenReviewItemsAsync(transaction, changed, matches, now, cancellationToken);
    }

    /// <summary>The next number of the desk's counter for this month; QUOTA_EXCEEDED once the counter has run out.</summary>
    private async Task<string> MintAsync(NpgsqlTransaction transaction, string departement, string desk, DateOnly today, CancellationToken cancellationToken)
    {
        var month = ApplicationNumber.MonthKey(today);
        var counter = await counters.NextAsync(transaction, departement, month, desk, cancellationToken);
        if (counter > ApplicationNumber.MaxCounter)
        {
            RegistrarLog.NumbersExhausted(logger, desk, departement, ApplicationNumber.MaxCounter, month);
            throw new QuotaExceededException(
                ErrorReasons.CounterExhausted,
                $"registering_desk/{desk}",
                $"Desk {desk} has registered {ApplicationNumber.MaxCounter} applications in département {departement} this month; no number is left until next month.");
        }

        return ApplicationNumber.Mint(departement, today, desk, counter);
    }

    /// <summary>A new application's row, and its identity indexed with its names counted, so the next check finds it.</summary>
    private async Task InsertAsync(NpgsqlTransaction transaction, ApplicationRecord record, string origin, CancellationToken cancellationToken)
    {
        await applications.InsertAsync(transaction, record, origin, cancellationToken);
        await duplicates.IndexAsync(transaction, record, countNames: true, cancellationToken);
    }

    private async Task OpenReviewItemsAsync(
        NpgsqlTransaction transaction, ApplicationRecord application, IReadOnlyList<DuplicateMatch> matches, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var match in matches)
        {
            await reviews.OpenAsync(
                transaction, application.Number, match.Candidate.Number, application.Departement, match.Result.Total,
                MatchMapper.FieldsJson(match.Result), match.Result.Explanation, now, cancellationToken);
        }
    }

    /// <summary>The strongest outcome among the candidates, as the duplicate-check metric reports it.</summary>
    private static string DuplicateOutcome(IEnumerable<MatchOutcome> outcomes)
    {
        var all = outcomes.ToList();
        return all.Contains(MatchOutcome.Certain) ? "certain" : all.Contains(MatchOutcome.Probable) ? "probable" : "none";
    }

    /// <summary>
    /// The refusal of a registration whose household already has an application: every certain match
    /// named, explained only where the caller may read the application. Null when none is certain.
    /// </summary>
    private static DuplicateApplicationException? CertainDuplicate(IReadOnlyList<DuplicateMatch> matches, Organization caller)
    {
        var certain = matches.Where(m => m.Result.Outcome == MatchOutcome.Certain).ToList();
        return certain.Count == 0
            ? null
            : new DuplicateApplicationException(
                certain.Select(m => m.Candidate.Number).ToList(),
                certain.Select(m => MatchMapper.Explain(m.Result, AccessPolicy.CanRead(caller, m.Candidate))).ToList());
    }
}
