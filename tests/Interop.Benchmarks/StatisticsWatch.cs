using System.Diagnostics;
using Npgsql;

namespace Interop.Benchmarks;

/// <summary>
/// Watches autovacuum's ANALYZE of the tables the duplicate check reads, twice a
/// second, and notes how many registrations had succeeded when each arrived:
/// until then the planner has no column statistics for them.
/// </summary>
internal static class StatisticsWatch
{
    private static readonly string[] Tables = ["applications", "identity_keys", "name_counts"];

    public sealed record Analysis(string Table, int Registered, double Seconds);

    public static async Task<IReadOnlyList<Analysis>> RunAsync(string connectionString, Func<int> registered, CancellationToken cancellationToken)
    {
        var seen = new List<Analysis>();
        var counts = Tables.ToDictionary(t => t, _ => 0L);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            while (!cancellationToken.IsCancellationRequested)
            {
                await using (var command = new NpgsqlCommand(
                    "SELECT relname, autoanalyze_count FROM pg_stat_user_tables WHERE relname = ANY(@tables)", connection))
                {
                    command.Parameters.AddWithValue("tables", Tables);
                    await using var reader = await command.ExecuteReaderAsync(cancellationToken);
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        var (table, count) = (reader.GetString(0), reader.GetInt64(1));
                        if (count > counts[table])
                        {
                            counts[table] = count;
                            seen.Add(new Analysis(table, registered(), Stopwatch.GetElapsedTime(started).TotalSeconds));
                        }
                    }
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or NpgsqlException)
        {
            // Stopped at the end of the run, possibly in the middle of a read.
        }

        return seen;
    }
}
