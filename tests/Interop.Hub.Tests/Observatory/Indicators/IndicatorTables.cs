using Dapper;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>The observatory's tables (the stock with its two marginals, the flows, the applications counted) as text rows in a fixed order, to compare two ways of filling them.</summary>
internal static class IndicatorTables
{
    // Stock rows summing to nothing are left out: a page of the incremental projection that takes back what an
    // earlier page added in the same month leaves one, a rebuild does not.
    public static async Task<List<string>> SnapshotAsync(HubHost hub)
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        var rows = new List<string>();
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT concat_ws('|', territory, month, typology, filed_month, transfer, delta) FROM indicator_stock WHERE delta <> 0 ORDER BY 1"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT concat_ws('|', 'filing', territory, month, filed_month, delta) FROM indicator_stock_by_filing WHERE delta <> 0 ORDER BY 1"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT concat_ws('|', 'kind', territory, month, typology, transfer, delta) FROM indicator_stock_by_kind WHERE delta <> 0 ORDER BY 1"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT concat_ws('|', territory, month, indicator, dimension, count) FROM indicator_flows ORDER BY 1"));
        rows.AddRange(await connection.QueryAsync<string>(
            "SELECT concat_ws('|', application_number, revision, active, territories, typology, filed_month, transfer, priority_household) FROM indicator_applications ORDER BY 1"));
        rows.Add("counted_through|" + await connection.ExecuteScalarAsync<DateTime?>("SELECT counted_through FROM indicator_progress"));
        return rows;
    }
}
