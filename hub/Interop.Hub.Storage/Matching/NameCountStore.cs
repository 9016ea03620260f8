using Dapper;
using Npgsql;

namespace Interop.Hub.Storage.Matching;

/// <summary>
/// Counts of normalised surnames and first names in the stock. Only the rows of
/// the names registered are touched, so registrations of different names never
/// wait for each other; the number of people comes from PostgreSQL's own row
/// estimate rather than from a counter every registration would queue on.
/// </summary>
public sealed class NameCountStore
{
    /// <summary>Counts one person's names.</summary>
    public Task CountAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> surnames, IReadOnlyCollection<string> firstNames, CancellationToken cancellationToken) =>
        CountManyAsync(transaction, [(surnames, firstNames)], cancellationToken);

    /// <summary>
    /// Counts the names of several people at once (each name once per person), in one statement whose rows
    /// are upserted in sorted order: two writers counting the same names lock their rows in the same order,
    /// so they queue instead of deadlocking.
    /// </summary>
    public Task CountManyAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(IReadOnlyCollection<string> Surnames, IReadOnlyCollection<string> FirstNames)> people,
        CancellationToken cancellationToken)
    {
        var names = people
            .SelectMany(p => p.Surnames.Distinct().Select(n => (Kind: "surname", Name: n)).Concat(p.FirstNames.Distinct().Select(n => (Kind: "first_name", Name: n))))
            .GroupBy(n => n)
            .ToList();
        return transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO name_counts AS c (kind, name, count)
            SELECT n.kind, n.name, n.count FROM unnest(@kinds, @names, @counts) AS n (kind, name, count)
            ORDER BY n.kind, n.name
            ON CONFLICT (kind, name) DO UPDATE SET count = c.count + EXCLUDED.count
            """,
            new
            {
                kinds = names.Select(g => g.Key.Kind).ToArray(),
                names = names.Select(g => g.Key.Name).ToArray(),
                counts = names.Select(g => (long)g.Count()).ToArray(),
            },
            transaction,
            cancellationToken: cancellationToken));
    }

    /// <summary>The counts of these names, and the number of people counted.</summary>
    public async Task<(IReadOnlyDictionary<string, long> Surnames, IReadOnlyDictionary<string, long> FirstNames, long People)> ReadAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> surnames, IReadOnlyCollection<string> firstNames,
        CancellationToken cancellationToken)
    {
        var rows = await transaction.Connection!.QueryAsync<(string Kind, string Name, long Count)>(new CommandDefinition(
            """
            SELECT kind, name, count FROM name_counts
            WHERE (kind = 'surname' AND name = ANY(@surnames)) OR (kind = 'first_name' AND name = ANY(@firstNames))
            UNION ALL
            SELECT 'people', '', GREATEST(reltuples, 0)::bigint FROM pg_class WHERE oid = 'applications'::regclass
            """,
            new { surnames = surnames.ToArray(), firstNames = firstNames.ToArray() },
            transaction,
            cancellationToken: cancellationToken));
        var list = rows.AsList();
        return (
            list.Where(r => r.Kind == "surname").ToDictionary(r => r.Name, r => r.Count),
            list.Where(r => r.Kind == "first_name").ToDictionary(r => r.Name, r => r.Count),
            list.FirstOrDefault(r => r.Kind == "people").Count);
    }
}
