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
    public Task CountAsync(
        NpgsqlTransaction transaction, IReadOnlyCollection<string> surnames, IReadOnlyCollection<string> firstNames, CancellationToken cancellationToken) =>
        transaction.Connection!.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO name_counts AS c (kind, name, count)
            SELECT kind, name, 1 FROM (
                SELECT 'surname' AS kind, unnest(@surnames) AS name
                UNION SELECT 'first_name', unnest(@firstNames)) AS names
            ON CONFLICT (kind, name) DO UPDATE SET count = c.count + 1
            """,
            new { surnames = surnames.Distinct().ToArray(), firstNames = firstNames.Distinct().ToArray() },
            transaction,
            cancellationToken: cancellationToken));

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
