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

    // The lag is the head (feed_state.last_seq) minus the checkpoint: change_seq is dense (the
    // sequencer numbers after the head it moves). The age is that of the first change after the
    // checkpoint, one descent of the unique index on change_seq per subscription, started no
    // lower than the pruned edge: below it the index holds only the dead entries of pruning until
    // vacuum, which a checkpoint of 0 walked through (2,600 buffers for 50 subscriptions).
    // feed_state is read by its key so that the planner counts one row: joined whole, the
    // never-analysed one-row table was estimated at 1,700 rows, the plan's cost passed
    // jit_above_cost and every scrape paid a JIT compilation (365 of 427 ms; now 0.5 ms,
    // 500,000 changes and 50 subscriptions, deploy/README.md "Telemetry").
    private const string FeedLagSql = """
        SELECT s.organization_id, s.subscription_id,
               GREATEST(h.last_seq - s.checkpoint_seq, 0) AS lag,
               (SELECT c.occurred_at FROM changes c
                WHERE c.change_seq > GREATEST(s.checkpoint_seq, h.pruned_through_seq)
                ORDER BY c.change_seq LIMIT 1) AS oldest
        FROM (SELECT last_seq, pruned_through_seq FROM feed_state WHERE id = 1) h
        CROSS JOIN subscriptions s
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

            // Without JIT, in the same round trip: a gauge is a small indexed query that a JIT
            // compilation (hundreds of ms) never pays back, and the planner's row estimates of small
            // tables without statistics can still pass jit_above_cost (see FeedLagSql).
            using var transaction = connection.BeginTransaction();
            using var batch = new NpgsqlBatch(connection, transaction)
            {
                BatchCommands = { new NpgsqlBatchCommand("SET LOCAL jit = off"), new NpgsqlBatchCommand(sql) },
                Timeout = TimeoutSeconds,
            };
            using var reader = batch.ExecuteReader();
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
