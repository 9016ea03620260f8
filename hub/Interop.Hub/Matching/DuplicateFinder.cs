using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;
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

    public IReadOnlyList<string> KeysOf(PersonIdentity person) => Matcher.BlockingKeys(Plain.Prepare(person));

    /// <summary>
    /// The keys registrations of the same person serialise on: those built from
    /// names and birth dates. Contact keys (e-mail, phone) are left out: a
    /// shared family phone or a placeholder e-mail typed by a desk would
    /// otherwise queue unrelated registrations behind one lock, and a person
    /// registered twice shares name and date keys anyway.
    /// </summary>
    public IReadOnlyList<string> LockKeysOf(PersonIdentity person) =>
        KeysOf(person).Where(k => !k.StartsWith("EM:", StringComparison.Ordinal) && !k.StartsWith("PH:", StringComparison.Ordinal)).ToList();

    /// <summary>Certain and probable matches, best first; pairs declared distinct are left out.</summary>
    public async Task<IReadOnlyList<DuplicateMatch>> FindAsync(
        NpgsqlConnection connection, PersonIdentity person, string? departement, string? exceptNumber, CancellationToken cancellationToken,
        NpgsqlTransaction? transaction = null)
    {
        var keys = KeysOf(person);
        var numbers = await index.CandidatesAsync(connection, keys, departement, exceptNumber, MaxCandidates, cancellationToken, transaction);
        if (numbers.Count == 0)
        {
            return [];
        }

        var candidates = (await applications.GetManyAsync(connection, numbers, cancellationToken)).Values
            .Where(a => a.Household is not null)
            .ToList();
        var distinct = exceptNumber is null
            ? new HashSet<string>()
            : await reviews.DeclaredDistinctFromAsync(connection, exceptNumber, numbers, cancellationToken, transaction);
        var people = candidates.Select(HouseholdIdentity.Of).Append(person).Select(Plain.Normalizer.Normalize).ToList();
        var counts = await names.ReadAsync(
            connection, people.SelectMany(p => p.Surnames.Select(s => s.Core)).Distinct().ToList(), people.Select(PrimaryFirstName).OfType<string>().Distinct().ToList(),
            cancellationToken, transaction);
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
