using Dapper;
using Interop.Hub.Core.Statistics;
using Npgsql;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// Counts the applications active at an instant from the history: for each
/// application, the state its last revision before the instant left (a
/// revision copied from before the history kept states counts as unknown, so
/// not active). Grouped by territory and household composition; the core lays
/// the groups out and suppresses small cells. Reads every application's
/// history: pre-aggregated tables kept from the feed are the next step.
/// </summary>
public sealed class StockStore
{
    private const string ActiveAt = """
        WITH states AS (
            SELECT DISTINCT ON (application_number) application_number, departement, facts
            FROM application_history
            WHERE occurred_at < @before
            ORDER BY application_number, revision DESC
        ), active AS (
            SELECT application_number, departement, facts,
                   (facts ->> 'householdSize')::int AS household_size,
                   (facts ->> 'coApplicant')::boolean AS co_applicant,
                   (facts ->> 'children')::int AS children
            FROM states WHERE facts ->> 'status' = 'active'
        )
        """;

    /// <summary>By département.</summary>
    public Task<IReadOnlyList<StockGroup>> ByDepartementAsync(NpgsqlConnection connection, DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync(connection, ActiveAt + """
            SELECT departement AS territory, household_size, co_applicant, children, count(*) AS count
            FROM active GROUP BY 1, 2, 3, 4
            """, new { before = before.UtcDateTime }, cancellationToken);

    /// <summary>By commune wished: an application counts once in every commune it wishes.</summary>
    public Task<IReadOnlyList<StockGroup>> ByCommuneAsync(NpgsqlConnection connection, DateTimeOffset before, CancellationToken cancellationToken) =>
        QueryAsync(connection, ActiveAt + """
            SELECT w.commune AS territory, household_size, co_applicant, children, count(DISTINCT application_number) AS count
            FROM active CROSS JOIN LATERAL jsonb_array_elements_text(facts -> 'wishedCommunes') AS w(commune)
            GROUP BY 1, 2, 3, 4
            """, new { before = before.UtcDateTime }, cancellationToken);

    /// <summary>By EPCI: an application counts once in every EPCI where it wishes a commune.</summary>
    public Task<IReadOnlyList<StockGroup>> ByEpciAsync(
        NpgsqlConnection connection, DateTimeOffset before, IReadOnlyDictionary<string, string> communeToEpci, CancellationToken cancellationToken) =>
        QueryAsync(connection, ActiveAt + """
            , members AS (SELECT * FROM unnest(@communes::text[], @epcis::text[]) AS m(commune, epci))
            SELECT m.epci AS territory, household_size, co_applicant, children, count(DISTINCT application_number) AS count
            FROM active CROSS JOIN LATERAL jsonb_array_elements_text(facts -> 'wishedCommunes') AS w(commune)
            JOIN members m ON m.commune = w.commune
            GROUP BY 1, 2, 3, 4
            """,
            new { before = before.UtcDateTime, communes = communeToEpci.Keys.ToArray(), epcis = communeToEpci.Values.ToArray() },
            cancellationToken);

    private static async Task<IReadOnlyList<StockGroup>> QueryAsync(
        NpgsqlConnection connection, string sql, object parameters, CancellationToken cancellationToken)
    {
        var rows = await connection.QueryAsync<(string Territory, int HouseholdSize, bool CoApplicant, int Children, long Count)>(
            new CommandDefinition(sql, parameters, cancellationToken: cancellationToken));
        return rows.Select(r => new StockGroup(r.Territory, r.HouseholdSize, r.CoApplicant, r.Children, r.Count)).ToList();
    }
}
