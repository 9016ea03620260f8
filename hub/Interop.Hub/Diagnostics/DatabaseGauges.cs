using System.Diagnostics.Metrics;
using Npgsql;

namespace Interop.Hub.Diagnostics;

/// <summary>
/// The gauges read from the database when metrics are collected (a scrape, or an OTLP export
/// every minute): small indexed queries, so every replica reports the whole hub and a gauge
/// never drifts from what the tables say. A failed read reports nothing for that collection
/// rather than a wrong zero.
/// </summary>
internal sealed class DatabaseGauges(NpgsqlDataSource dataSource, TimeProvider time, ILogger<DatabaseGauges> logger)
{
    // Short: a collection must not hang on a sick database.
    private const int TimeoutSeconds = 2;

    // The head is feed_state.last_seq; the age is that of the first change after the
    // checkpoint, found through the unique index on change_seq.
    private const string FeedLagSql = """
        SELECT s.organization_id, s.subscription_id,
               GREATEST(f.last_seq - s.checkpoint_seq, 0) AS lag,
               (SELECT c.occurred_at FROM changes c WHERE c.change_seq > s.checkpoint_seq ORDER BY c.change_seq LIMIT 1) AS oldest
        FROM subscriptions s CROSS JOIN feed_state f
        """;

    private const string UnsequencedSql = "SELECT count(*), min(occurred_at), current_database() FROM changes WHERE change_seq IS NULL";

    // Only transactions that hold a transaction id (they wrote): a reader's snapshot does not
    // hold the sequencer back. The database's own clock, as xact_start is.
    private const string OldestTransactionSql = """
        SELECT COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(xact_start)), 0)::float8, current_database()
        FROM pg_stat_activity
        WHERE datname = current_database() AND backend_xid IS NOT NULL
        """;

    private const string ReviewQueueSql = "SELECT departement, count(*), current_database() FROM review_items WHERE state = 'open' GROUP BY departement";

    public IEnumerable<Measurement<long>> FeedLagChanges() =>
        Read(FeedLagSql, reader => new Measurement<long>(reader.GetInt64(2), Subscription(reader)));

    public IEnumerable<Measurement<double>> FeedLagSeconds() =>
        Read(FeedLagSql, reader => new Measurement<double>(reader.IsDBNull(3) ? 0 : AgeSeconds(reader.GetFieldValue<DateTimeOffset>(3)), Subscription(reader)));

    public IEnumerable<Measurement<long>> UnsequencedChanges() =>
        Read(UnsequencedSql, reader => new Measurement<long>(reader.GetInt64(0), Database(reader, 2)));

    public IEnumerable<Measurement<double>> UnsequencedAgeSeconds() =>
        Read(UnsequencedSql, reader => new Measurement<double>(reader.IsDBNull(1) ? 0 : AgeSeconds(reader.GetFieldValue<DateTimeOffset>(1)), Database(reader, 2)));

    public IEnumerable<Measurement<double>> OldestTransactionSeconds() =>
        Read(OldestTransactionSql, reader => new Measurement<double>(reader.GetDouble(0), Database(reader, 1)));

    public IEnumerable<Measurement<long>> OpenReviewItems() =>
        Read(ReviewQueueSql, reader => new Measurement<long>(
            reader.GetInt64(1), new KeyValuePair<string, object?>("interop.departement", reader.GetString(0)), Database(reader, 2)));

    // The database's name tells series of two hubs apart where one process hosts several (tests).
    private static KeyValuePair<string, object?> Database(NpgsqlDataReader reader, int column) => new("interop.database", reader.GetString(column));

    private static KeyValuePair<string, object?>[] Subscription(NpgsqlDataReader reader) =>
    [
        new("interop.organization", reader.GetString(0)),
        new("interop.subscription", reader.GetString(1)),
    ];

    // Against the hub's clock, which wrote occurred_at.
    private double AgeSeconds(DateTimeOffset since) => Math.Max(0, (time.GetUtcNow() - since).TotalSeconds);

    // Synchronous: observable instruments are read by a synchronous callback.
    private List<Measurement<T>> Read<T>(string sql, Func<NpgsqlDataReader, Measurement<T>> map)
        where T : struct
    {
        var measurements = new List<Measurement<T>>();
        try
        {
            using var connection = dataSource.OpenConnection();
            using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = TimeoutSeconds };
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                measurements.Add(map(reader));
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            DiagnosticsLog.GaugeReadFailed(logger, exception);
            measurements.Clear();
        }

        return measurements;
    }
}
