using Dapper;
using Npgsql;

namespace Interop.NationalExchange.Benchmarks;

/// <summary>
/// The stock of the initial export: one application registered through the hub (so its row and
/// change are what the hub writes), then cloned in SQL into N more applications, each with its
/// REGISTERED change already sequenced, while the hub is stopped. Every column is copied from the
/// template row but the number, so the clones are as valid as the original.
/// </summary>
internal static class BenchStock
{
    /// <summary>The clone's number: 17 characters of [0-9A-Z], as the export schema wants.</summary>
    public static string Number(long i) => "0142603Z" + i.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);

    public static async Task CloneAsync(string connectionString, string templateNumber, int size)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var applicationColumns = await ColumnsAsync(connection, "applications");
        var changeColumns = (await ColumnsAsync(connection, "changes"))
            .Where(c => c is not ("position" or "txid" or "change_id" or "application_number" or "change_seq" or "request_id")).ToList();
        var head = await connection.ExecuteScalarAsync<long>("SELECT last_seq FROM feed_state");
        await using var transaction = await connection.BeginTransactionAsync();
        var applications = $"""
            INSERT INTO applications ({string.Join(", ", applicationColumns)})
            SELECT {string.Join(", ", applicationColumns.Select(c => c == "number" ? "'0142603Z' || lpad(i::text, 9, '0')" : "t." + c))}
            FROM applications t, generate_series(1, @size) AS i
            WHERE t.number = @templateNumber
            """;
        await connection.ExecuteAsync(applications, new { size, templateNumber }, transaction, commandTimeout: 0);
        var changes = $"""
            INSERT INTO changes (change_id, application_number, change_seq, {string.Join(", ", changeColumns)})
            SELECT gen_random_uuid(), '0142603Z' || lpad(i::text, 9, '0'), @head + i, {string.Join(", ", changeColumns.Select(c => "t." + c))}
            FROM changes t, generate_series(1, @size) AS i
            WHERE t.application_number = @templateNumber AND t.revision = 1
            """;
        await connection.ExecuteAsync(changes, new { size, templateNumber, head }, transaction, commandTimeout: 0);
        await connection.ExecuteAsync("UPDATE feed_state SET last_seq = @last", new { last = head + size }, transaction);
        await transaction.CommitAsync();
        await connection.ExecuteAsync("ANALYZE applications; ANALYZE changes", commandTimeout: 0);
    }

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table) =>
        (await connection.QueryAsync<string>(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table AND is_generated = 'NEVER' AND identity_generation IS NULL ORDER BY ordinal_position",
            new { table })).AsList();
}
