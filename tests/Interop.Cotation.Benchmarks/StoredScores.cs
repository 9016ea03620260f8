using System.Text.Json;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Scoring;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Cotation.Benchmarks;

/// <summary>
/// The stored scores as the hub keeps them (cotation_scores: total, filing date, wished typologies, the
/// explanation as JSON), for the benchmark's stock: written by COPY, read best first as today's ranking does.
/// </summary>
public static class StoredScores
{
    public static async Task StoreAsync(NpgsqlConnection connection, IEnumerable<(CotationSubject Subject, CotationScore Score)> scored)
    {
        await using (var create = new NpgsqlCommand(
            """
            CREATE TABLE bench_scores (
                number text COLLATE "C" PRIMARY KEY, total numeric NOT NULL, filed_date date NOT NULL,
                typologies text[] NOT NULL, lines jsonb NOT NULL)
            """,
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var import = await connection.BeginBinaryImportAsync("COPY bench_scores (number, total, filed_date, typologies, lines) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var (subject, score) in scored)
            {
                await import.StartRowAsync();
                await import.WriteAsync(subject.Number, NpgsqlDbType.Text);
                await import.WriteAsync(score.Total, NpgsqlDbType.Numeric);
                await import.WriteAsync(subject.FiledDate, NpgsqlDbType.Date);
                await import.WriteAsync(subject.Household.Wishes.Typologies.Select(t => t.ToString()).Distinct().ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text);
                await import.WriteAsync(JsonSerializer.Serialize(score.Lines.Select(l => new { l.RubricId, l.CriterionId, Status = (int)l.Status, l.Points, l.Text })), NpgsqlDbType.Jsonb);
            }

            await import.CompleteAsync();
        }

        await using var index = new NpgsqlCommand("CREATE INDEX ON bench_scores (total DESC, filed_date, number); ANALYZE bench_scores", connection) { CommandTimeout = 0 };
        await index.ExecuteNonQueryAsync();
    }

    /// <summary>A page of the stored scores of the active applications wishing a commune and a typology, best first, after a row.</summary>
    public static async Task<List<(string Number, decimal Total, DateOnly Filed)>> PageAsync(
        NpgsqlConnection connection, string commune, string typology, (string Number, decimal Total, DateOnly Filed)? after, int limit)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT s.number, s.total, s.filed_date, s.lines::text FROM bench_scores s JOIN bench_applications a ON a.number = s.number
            WHERE a.status = 'active' AND a.wished_communes @> ARRAY[@commune]::text[] AND s.typologies @> ARRAY[@typology]::text[]
              AND (@first OR s.total < @total OR (s.total = @total AND (s.filed_date, s.number) > (@filed, @number)))
            ORDER BY s.total DESC, s.filed_date, s.number LIMIT @limit
            """,
            connection);
        command.Parameters.AddWithValue("commune", commune);
        command.Parameters.AddWithValue("typology", typology);
        command.Parameters.AddWithValue("first", after is null);
        command.Parameters.AddWithValue("total", after?.Total ?? 0m);
        command.Parameters.AddWithValue("filed", after?.Filed ?? DateOnly.MinValue);
        command.Parameters.AddWithValue("number", after?.Number ?? "");
        command.Parameters.AddWithValue("limit", limit);
        var rows = new List<(string, decimal, DateOnly)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            // The explanation is read as the hub reads it to answer, even if this pass only ranks.
            _ = reader.GetString(3);
            rows.Add((reader.GetString(0), reader.GetDecimal(1), reader.GetFieldValue<DateOnly>(2)));
        }

        return rows;
    }

    /// <summary>The applicant's position as the outlook counts it: similar stored scores, and those ranking before.</summary>
    public static async Task<(long Similar, long Ahead)> PositionAsync(NpgsqlConnection connection, string typology, string number, decimal total, DateOnly filed)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT count(*), count(*) FILTER (WHERE s.total > @total OR (s.total = @total AND (s.filed_date, s.number) < (@filed, @number)))
            FROM bench_scores s JOIN bench_applications a ON a.number = s.number
            WHERE s.typologies @> ARRAY[@typology]::text[] AND a.status = 'active' AND s.number <> @number
            """,
            connection);
        command.Parameters.AddWithValue("typology", typology);
        command.Parameters.AddWithValue("number", number);
        command.Parameters.AddWithValue("total", total);
        command.Parameters.AddWithValue("filed", filed);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
