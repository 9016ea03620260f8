using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Matching;

/// <summary>
/// The blocking-key index of applicants: finds the few applications that may
/// be the same household by index look-ups. Keys are hashed: the index holds
/// no readable personal data.
/// </summary>
public sealed class IdentityIndex(KeyBudget? budget = null)
{
    private readonly KeyBudget limits = budget ?? new KeyBudget();

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>
    /// Serialises registrations of the same person: two desks registering the
    /// same household at the same moment would each find no duplicate. A
    /// transaction-scoped advisory lock per key, taken in a fixed order so two
    /// registrations never deadlock.
    /// </summary>
    public async Task LockKeysAsync(NpgsqlTransaction transaction, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        var locks = keys.Select(k => BitConverter.ToInt64(Hash(k), 0)).Distinct().Order().ToArray();
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SELECT pg_advisory_xact_lock(k) FROM unnest(@locks) AS k ORDER BY k", new { locks }, transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Active applications sharing keys with the person, those sharing the most keys first,
    /// optionally of one département; at most <paramref name="limit"/>. Keys are first sized
    /// (counting stops at <see cref="KeyBudget.BroadKeyRows"/>), then read narrowest first within
    /// <see cref="KeyBudget.RowBudget"/>. Ranking matters at national scale: an arbitrary cut would drop the
    /// real duplicate, which shares several keys at once (measured at 3 million applications: an
    /// unranked LIMIT found 229 of 766 typed duplicates). Hits are ranked before the applications
    /// are read, so only about <paramref name="limit"/> rows of <c>applications</c> are visited
    /// (at 3 million: 15 ms instead of 82–188 ms joining every hit first).
    /// The application is checked by a correlated scalar subquery on its primary key, not EXISTS: with
    /// no statistics yet (a fresh registry, before autovacuum's first ANALYZE) the planner turned
    /// EXISTS into a bitmap AND of every active application of the département, a read that grows
    /// with the registry (1.9 ms against 0.2 ms at 10,000 applications, issue 14); a scalar subquery
    /// is always one index look-up per ranked hit, whatever the statistics say.
    /// </summary>
    public async Task<IReadOnlyList<string>> CandidatesAsync(
        NpgsqlTransaction transaction, IReadOnlyList<string> keys, string? departement, string? exceptNumber, int limit,
        CancellationToken cancellationToken)
    {
        const string sql = """
            WITH sizes AS (
                SELECT h, (SELECT count(*) FROM (SELECT 1 FROM identity_keys k WHERE k.key_hash = h LIMIT @broad) s) AS n
                FROM unnest(@hashes) AS h
            ),
            chosen AS (
                SELECT h
                FROM (
                    SELECT h, sum(n) OVER narrowest_first AS running, row_number() OVER narrowest_first AS position
                    FROM sizes WHERE n > 0 AND n < @broad
                    WINDOW narrowest_first AS (ORDER BY n, h)) r
                WHERE r.running <= @budget OR r.position = 1
            ),
            hits AS (
                SELECT number, count(*) AS shared
                FROM identity_keys
                WHERE key_hash IN (SELECT h FROM chosen)
                GROUP BY number
            )
            SELECT h.number
            FROM (SELECT number, shared FROM hits ORDER BY shared DESC, number) h
            WHERE (
                SELECT a.status = 'active'
                  AND (@departement::text IS NULL OR a.departement = @departement)
                  AND (@exceptNumber::text IS NULL OR a.number <> @exceptNumber)
                FROM applications a
                WHERE a.number = h.number)
            ORDER BY h.shared DESC, h.number
            LIMIT @limit
            """;
        await PlanForTheseKeysAsync(transaction, cancellationToken);
        return (await transaction.Connection!.QueryAsync<string>(new CommandDefinition(
            sql,
            new
            {
                hashes = keys.Select(Hash).Distinct(new ByteArrayComparer()).ToArray(),
                departement,
                exceptNumber,
                limit,
                broad = limits.BroadKeyRows,
                budget = (long)limits.RowBudget,
            },
            transaction,
            cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>
    /// <see cref="CandidatesAsync"/> for many people at once (a batch of bulk onboarding), in one query with
    /// the same sizing, budget and ranking per person: each person's keys are sized (each distinct key once),
    /// read narrowest first within the budget, and its hits ranked and cut at <paramref name="limit"/>.
    /// Returns, for each person in order, its candidates' numbers (active, of its département).
    /// </summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> CandidatesForManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(IReadOnlyList<string> Keys, string Departement)> people, int limit,
        CancellationToken cancellationToken)
    {
        const string sql = """
            WITH wanted AS (
                SELECT DISTINCT w.p, w.h FROM unnest(@persons, @hashes) AS w (p, h)
            ),
            sizes AS (
                SELECT h, (SELECT count(*) FROM (SELECT 1 FROM identity_keys k WHERE k.key_hash = d.h LIMIT @broad) s) AS n
                FROM (SELECT DISTINCT h FROM wanted) d
            ),
            chosen AS (
                SELECT p, h
                FROM (
                    SELECT w.p, w.h, sum(s.n) OVER narrowest_first AS running, row_number() OVER narrowest_first AS position
                    FROM wanted w JOIN sizes s ON s.h = w.h
                    WHERE s.n > 0 AND s.n < @broad
                    WINDOW narrowest_first AS (PARTITION BY w.p ORDER BY s.n, w.h)) r
                WHERE r.running <= @budget OR r.position = 1
            ),
            hits AS (
                SELECT c.p, k.number, count(*) AS shared
                FROM chosen c JOIN identity_keys k ON k.key_hash = c.h
                GROUP BY c.p, k.number
            ),
            ranked AS (
                SELECT h.p, h.number, row_number() OVER (PARTITION BY h.p ORDER BY h.shared DESC, h.number) AS rank
                FROM hits h
                WHERE (
                    SELECT a.status = 'active' AND a.departement = (@departements::text[])[h.p + 1]
                    FROM applications a
                    WHERE a.number = h.number)
            )
            SELECT p, number FROM ranked WHERE rank <= @limit ORDER BY p, rank
            """;
        await PlanForTheseKeysAsync(transaction, cancellationToken);
        var rows = await transaction.Connection!.QueryAsync<(int P, string Number)>(new CommandDefinition(
            sql,
            new
            {
                persons = people.SelectMany((person, p) => person.Keys.Select(_ => p)).ToArray(),
                hashes = people.SelectMany(person => person.Keys.Select(Hash)).ToArray(),
                departements = people.Select(person => person.Departement).ToArray(),
                limit,
                broad = limits.BroadKeyRows,
                budget = (long)limits.RowBudget,
            },
            transaction,
            cancellationToken: cancellationToken));
        var candidates = people.Select(_ => new List<string>()).ToList();
        foreach (var (p, number) in rows)
        {
            candidates[p].Add(number);
        }

        return candidates;
    }

    /// <summary>
    /// A custom plan for each candidate query, in this transaction: on a connection that lives (as a pool
    /// keeps it), PostgreSQL switched the prepared query to a generic plan after five executions, which
    /// cannot see how many keys are asked nor how common each is. The unary one ran 10.7x slower (2.66 ms
    /// against 0.25 ms mean, pg_stat_statements, feed benchmark) and the hub wrote at half its rate; the
    /// batch one has the same shape (not measured).
    /// </summary>
    private static Task PlanForTheseKeysAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "SET LOCAL plan_cache_mode = force_custom_plan", transaction: transaction, cancellationToken: cancellationToken));

    /// <summary>Indexes new applications in one statement (a batch of bulk onboarding): no keys to replace yet.</summary>
    public Task AddManyAsync(NpgsqlTransaction transaction, IReadOnlyList<(string Number, IReadOnlyList<string> Keys)> applications, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO identity_keys (key_hash, number) SELECT DISTINCT h, n FROM unnest(@hashes, @numbers) AS k (h, n) ON CONFLICT DO NOTHING",
            new
            {
                hashes = applications.SelectMany(a => a.Keys.Select(Hash)).ToArray(),
                numbers = applications.SelectMany(a => a.Keys.Select(_ => a.Number)).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));

    /// <summary>Replaces the keys of an application (at registration, and when its identity changes).</summary>
    public async Task ReplaceAsync(NpgsqlTransaction transaction, string number, IReadOnlyList<string> keys, CancellationToken cancellationToken)
    {
        await RemoveAsync(transaction, number, cancellationToken);
        await transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "INSERT INTO identity_keys (key_hash, number) SELECT DISTINCT h, @number FROM unnest(@hashes) AS h ON CONFLICT DO NOTHING",
            new { number, hashes = keys.Select(Hash).ToArray() },
            transaction,
            cancellationToken: cancellationToken));
    }

    public Task RemoveAsync(NpgsqlTransaction transaction, string number, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            "DELETE FROM identity_keys WHERE number = @number", new { number }, transaction, cancellationToken: cancellationToken));

    private sealed class ByteArrayComparer : IEqualityComparer<byte[]>
    {
        public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(byte[] obj) => BitConverter.ToInt32(obj, 0);
    }
}
