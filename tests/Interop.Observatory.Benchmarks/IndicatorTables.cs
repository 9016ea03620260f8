using Npgsql;

namespace Interop.Observatory.Benchmarks;

/// <summary>
/// The indicator tables (the stock and its two marginals, the flows, the applications counted) as text rows in a fixed order (stock rows summing to nothing left out, since a
/// page replay may leave them), and the set-based rebuild's run: to compare the two ways of counting.
/// </summary>
internal static class IndicatorTables
{
    public static async Task<List<string>> SnapshotAsync(NpgsqlConnection connection)
    {
        const string sql = """
            SELECT concat_ws('|', 'S', territory, month, typology, filed_month, transfer, delta) FROM indicator_stock WHERE delta <> 0
            UNION ALL SELECT concat_ws('|', 'SF', territory, month, filed_month, delta) FROM indicator_stock_by_filing WHERE delta <> 0
            UNION ALL SELECT concat_ws('|', 'SK', territory, month, typology, transfer, delta) FROM indicator_stock_by_kind WHERE delta <> 0
            UNION ALL SELECT concat_ws('|', 'F', territory, month, indicator, dimension, count) FROM indicator_flows
            UNION ALL SELECT concat_ws('|', 'A', application_number, revision, active, territories, typology, filed_month, transfer, priority_household) FROM indicator_applications
            ORDER BY 1
            """;
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }

    /// <summary>Row counts of the three tables, for the printout.</summary>
    public static async Task<string> SizesAsync(NpgsqlConnection connection)
    {
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM indicator_stock), (SELECT count(*) FROM indicator_flows), (SELECT count(*) FROM indicator_applications)",
            connection) { CommandTimeout = 0 };
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return $"{reader.GetInt64(0):N0} stock rows, {reader.GetInt64(1):N0} flow rows, {reader.GetInt64(2):N0} applications";
    }
}
