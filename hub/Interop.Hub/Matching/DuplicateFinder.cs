using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;
using Interop.Hub.Core.Matching.Blocking;
using Interop.Hub.Core.Matching.Geography;
using Interop.Hub.Core.Matching.Normalisation;
using Interop.Hub.Storage.Applications;
using Interop.Hub.Storage.Matching;
using Npgsql;

namespace Interop.Hub.Matching;

/// <summary>
/// Finds the applications that may belong to the same household: a few index
/// look-ups by blocking key, then the matching core scores each candidate with
/// name frequencies from the stock. Used at registration, by FindMatches, and
/// to keep the index in step with every change of identity.
/// </summary>
internal sealed class DuplicateFinder(IdentityIndex index, NameCountStore names, ReviewStore reviews, ApplicationStore applications, ICommuneDirectory communes)
{
    private const int MaxCandidates = 200;

    private static readonly Matcher Plain = new();

    private static IReadOnlyList<string> KeysOf(PersonIdentity person) => Matcher.BlockingKeys(Plain.Prepare(person));

    /// <summary>
    /// Serialises registrations of the same person until the transaction ends,
    /// on the keys <see cref="BlockingKeyBuilder.LockKeysFor"/> chooses: two
    /// desks registering one household at once would each find no duplicate.
    /// </summary>
    public Task LockAsync(NpgsqlTransaction transaction, PersonIdentity person, CancellationToken cancellationToken) =>
        index.LockKeysAsync(transaction, BlockingKeyBuilder.LockKeysFor(Plain.Normalizer.Normalize(person)), cancellationToken);

    /// <summary>
    /// Certain and probable matches, best first; pairs declared distinct are left out. Read inside the
    /// caller's transaction: a registration's check must see the stock as the locks it took left it.
    /// </summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(
        NpgsqlTransaction transaction, PersonIdentity person, string? departement, string? exceptNumber, CancellationToken cancellationToken)
    {
        var keys = KeysOf(person);
        var numbers = await index.CandidatesAsync(transaction, keys, departement, exceptNumber, MaxCandidates, cancellationToken);
        if (numbers.Count == 0)
        {
            return [];
        }

        var candidates = (await applications.GetManyAsync(transaction, numbers, cancellationToken)).Values
            .Where(a => a.Household is not null)
            .ToList();
        var distinct = exceptNumber is null
            ? new HashSet<string>()
            : await reviews.DeclaredDistinctFromAsync(transaction, exceptNumber, numbers, cancellationToken);
        var people = candidates.Select(HouseholdIdentity.Of).Append(person).Select(Plain.Normalizer.Normalize).ToList();
        var counts = await names.ReadAsync(
            transaction, people.SelectMany(p => p.Surnames.Select(s => s.Core)).Distinct().ToList(), people.Select(PrimaryFirstName).OfType<string>().Distinct().ToList(),
            cancellationToken);
        var matcher = new Matcher(frequencies: new StockNameFrequencies(counts.Surnames, counts.FirstNames, counts.People), communes: communes);
        var prepared = matcher.Prepare(person);
        // Most candidates are strangers sharing a broad key: the fast score (same outcome as the full
        // comparison) rules them out, and only the few that remain get their explanation written.
        return candidates
            .Where(c => !distinct.Contains(c.Number))
            .Select(c => (Application: c, Identity: matcher.Prepare(HouseholdIdentity.Of(c))))
            .Where(c => matcher.Score(prepared, c.Identity).Outcome != MatchOutcome.Distinct)
            .Select(c => new DuplicateMatch(c.Application, matcher.Compare(prepared, c.Identity)))
            .OrderByDescending(m => m.Result.Outcome)
            .ThenByDescending(m => m.Result.Total)
            .ToList();
    }

    /// <summary>Indexes an application's applicant (registration, import, identity change) and counts its names.</summary>
    public async Task IndexAsync(NpgsqlTransaction transaction, ApplicationRecord application, bool countNames, CancellationToken cancellationToken)
    {
        var person = HouseholdIdentity.Of(application);
        await index.ReplaceAsync(transaction, application.Number, KeysOf(person), cancellationToken);
        if (countNames)
        {
            var normalized = Plain.Normalizer.Normalize(person);
            await names.CountAsync(
                transaction, normalized.Surnames.Select(s => s.Core).ToList(), PrimaryFirstName(normalized) is { } first ? [first] : [], cancellationToken);
        }
    }

    private static string? PrimaryFirstName(NormalizedIdentity person) => person.FirstNames?.Primary;
}
