using Interop.Hub.Core.Time;
using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>The baseline: what a plain SQL aggregate over the raw history costs for two figures the tables answer.</summary>
internal static class PlainSql
{
    /// <summary>
    /// A département's applications active at the end of the year (each application's last revision before it)
    /// and its attributions (radiations RADATT) of the year, French calendar.
    /// </summary>
    public static async Task<(long Active, long Attributions)> StockAndAttributionsAsync(NpgsqlConnection connection, string departement, int year)
    {
        await using var plain = new NpgsqlCommand("""
            WITH states AS (
                SELECT DISTINCT ON (application_number) facts
                FROM application_history
                WHERE departement = @departement AND occurred_at < @end
                ORDER BY application_number, revision DESC)
            SELECT (SELECT count(*) FROM states WHERE facts ->> 'status' = 'active'),
                   (SELECT count(*) FROM application_history
                    WHERE departement = @departement AND kind = 'radiated' AND facts ->> 'radiationReason' = 'RADATT'
                      AND occurred_at >= @start AND occurred_at < @end)
            """, connection) { CommandTimeout = 0 };
        plain.Parameters.AddWithValue("departement", departement);
        plain.Parameters.AddWithValue("end", FrenchCalendar.StartOf(new DateOnly(year + 1, 1, 1)).UtcDateTime);
        plain.Parameters.AddWithValue("start", FrenchCalendar.StartOf(new DateOnly(year, 1, 1)).UtcDateTime);
        await using var reader = await plain.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
