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
        return Rank(matcher, matcher.Prepare(person), candidates.Where(c => !distinct.Contains(c.Number)));
    }

    /// <summary>
    /// Serialises a batch of registrations against every other registration of the same people: the
    /// union of each person's lock keys (<see cref="LockAsync"/>), taken in one sorted pass, so a batch
    /// and a single registration, or two batches, queue on a shared key instead of deadlocking.
    /// </summary>
    public Task LockManyAsync(NpgsqlTransaction transaction, IEnumerable<PersonIdentity> people, CancellationToken cancellationToken) =>
        index.LockKeysAsync(
            transaction, people.SelectMany(p => BlockingKeyBuilder.LockKeysFor(Plain.Normalizer.Normalize(p))).Distinct().ToList(), cancellationToken);

    /// <summary>
    /// <see cref="FindAsync"/> for a batch of registrations at once: one candidate query for the whole
    /// batch, one read of the candidates and of the name counts, then the same matcher scores each
    /// person against its candidates in the stock and against the earlier people of the batch in the
    /// same département that share a blocking key with it (the stock does not hold them yet).
    /// </summary>
    public async Task<IReadOnlyList<BatchMatches>> FindManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(PersonIdentity Person, string Departement)> people, CancellationToken cancellationToken)
    {
        var keys = people.Select(p => KeysOf(p.Person)).ToList();
        var numbers = await index.CandidatesForManyAsync(
            transaction, people.Select((p, i) => (keys[i], p.Departement)).ToList(), MaxCandidates, cancellationToken);
        var wanted = numbers.SelectMany(n => n).Distinct().ToList();
        var stock = wanted.Count == 0
            ? new Dictionary<string, ApplicationRecord>()
            : (await applications.GetManyAsync(transaction, wanted, cancellationToken)).Where(a => a.Value.Household is not null).ToDictionary();
        var normalized = stock.Values.Select(HouseholdIdentity.Of).Concat(people.Select(p => p.Person)).Select(Plain.Normalizer.Normalize).ToList();
        var counts = await names.ReadAsync(
            transaction,
            normalized.SelectMany(p => p.Surnames.Select(s => s.Core)).Distinct().ToList(),
            normalized.Select(PrimaryFirstName).OfType<string>().Distinct().ToList(),
            cancellationToken);
        var matcher = new Matcher(frequencies: new StockNameFrequencies(counts.Surnames, counts.FirstNames, counts.People), communes: communes);
        var prepared = people.Select(p => matcher.Prepare(p.Person)).ToList();
        var earlierByKey = new Dictionary<(string Departement, string Key), List<int>>();
        var found = new List<BatchMatches>(people.Count);
        for (var i = 0; i < people.Count; i++)
        {
            var inStock = Rank(matcher, prepared[i], numbers[i].Where(stock.ContainsKey).Select(n => stock[n]));
            var earlier = new SortedSet<int>();
            foreach (var key in keys[i].Distinct())
            {
                if (earlierByKey.TryGetValue((people[i].Departement, key), out var sharing))
                {
                    earlier.UnionWith(sharing);
                }
                else
                {
                    earlierByKey[(people[i].Departement, key)] = sharing = [];
                }

                sharing.Add(i);
            }

            var inBatch = earlier
                .Where(j => matcher.Score(prepared[i], prepared[j]).Outcome != MatchOutcome.Distinct)
                .Select(j => (Earlier: j, Result: matcher.Compare(prepared[i], prepared[j])))
                .OrderByDescending(m => m.Result.Outcome)
                .ThenByDescending(m => m.Result.Total)
                .ToList();
            found.Add(new BatchMatches(inStock, inBatch));
        }

        return found;
    }

    /// <summary>Indexes new applications at once (a batch of registrations) and counts their names, as <see cref="IndexAsync"/> does for one.</summary>
    public async Task IndexManyAsync(NpgsqlTransaction transaction, IReadOnlyList<ApplicationRecord> created, CancellationToken cancellationToken)
    {
        var people = created.Select(a => (a.Number, Person: HouseholdIdentity.Of(a))).ToList();
        await index.AddManyAsync(transaction, people.Select(p => (p.Number, KeysOf(p.Person))).ToList(), cancellationToken);
        await names.CountManyAsync(
            transaction,
            people.Select(p => Plain.Normalizer.Normalize(p.Person))
                .Select(n => ((IReadOnlyCollection<string>)n.Surnames.Select(s => s.Core).ToList(),
                              (IReadOnlyCollection<string>)(PrimaryFirstName(n) is { } first ? [first] : Array.Empty<string>())))
                .ToList(),
            cancellationToken);
    }

    // Most candidates are strangers sharing a broad key: the fast score (same outcome as the full
    // comparison) rules them out, and only the few that remain get their explanation written.
    private static List<DuplicateMatch> Rank(Matcher matcher, PreparedIdentity person, IEnumerable<ApplicationRecord> candidates) =>
        candidates
            .Select(c => (Application: c, Identity: matcher.Prepare(HouseholdIdentity.Of(c))))
            .Where(c => matcher.Score(person, c.Identity).Outcome != MatchOutcome.Distinct)
            .Select(c => new DuplicateMatch(c.Application, matcher.Compare(person, c.Identity)))
            .OrderByDescending(m => m.Result.Outcome)
            .ThenByDescending(m => m.Result.Total)
            .ToList();

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
