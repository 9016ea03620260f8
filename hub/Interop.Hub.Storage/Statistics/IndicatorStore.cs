using Interop.Hub.Core.History;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Interop.Hub.Storage.History;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// The observatory's pre-aggregated tables (migration 0011): what the
/// projection reads and writes inside the transaction that advances its
/// checkpoint, and what the indicators read back for one territory. Plain
/// Npgsql with array parameters: a page of changes is a handful of round trips.
/// </summary>
public sealed partial class IndicatorStore
{
    /// <summary>
    /// Said first in every transaction that writes the counted tables: it keeps their versions (migration 0020),
    /// and the tables' triggers refuse any write that does not say so (a replica older than the versions).
    /// </summary>
    internal const string VersionedWriter = "SELECT set_config('interop.indicator_writer', 'versioned', true);";

    /// <summary>The facts each (application, revision) left, from the durable history; absent or null where none was recorded.</summary>
    public async Task<IReadOnlyDictionary<(string Number, long Revision), HistoryFacts?>> FactsAsync(
        NpgsqlTransaction transaction, IReadOnlyList<(string Number, long Revision)> revisions, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT h.application_number, h.revision, h.facts::text
            FROM unnest(@numbers, @revisions) AS r(number, revision)
            JOIN application_history h ON h.application_number = r.number AND h.revision = r.revision
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("numbers", revisions.Select(r => r.Number).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("revisions", revisions.Select(r => r.Revision).ToArray()));
        var facts = new Dictionary<(string, long), HistoryFacts?>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            facts[(reader.GetString(0), reader.GetInt64(1))] = reader.IsDBNull(2) ? null : HistoryJson.FactsOf(reader.GetString(2));
        }

        return facts;
    }

    /// <summary>What was last counted of these applications.</summary>
    public async Task<IReadOnlyDictionary<string, CountedApplication>> CountedAsync(
        NpgsqlTransaction transaction, IReadOnlyList<string> numbers, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT application_number, revision, active, territories, typology, filed_month, transfer, priority_household
            FROM indicator_applications WHERE application_number = ANY(@numbers)
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("numbers", numbers.ToArray()));
        var counted = new Dictionary<string, CountedApplication>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var number = reader.GetString(0);
            counted[number] = new CountedApplication(
                number,
                reader.GetInt64(1),
                reader.GetBoolean(2),
                reader.GetFieldValue<string[]>(3),
                (NeededTypology)reader.GetInt16(4),
                reader.GetFieldValue<DateOnly>(5),
                reader.GetBoolean(6),
                reader.GetBoolean(7));
        }

        return counted;
    }

    /// <summary>Adds a page's counts to the tables and records the applications' new counted states.</summary>
    public async Task WriteAsync(NpgsqlTransaction transaction, IndicatorCounts counts, CancellationToken cancellationToken)
    {
        // Territories travel as one space-separated string per application: Npgsql
        // parameters have no jagged arrays, and no territory key holds a space.
        const string sql = VersionedWriter + """
            INSERT INTO indicator_applications (application_number, revision, active, territories, typology, filed_month, transfer, priority_household)
            SELECT number, revision, active, string_to_array(territories, ' '), typology, filed_month, transfer, priority
            FROM unnest(@numbers, @revisions, @actives, @territories, @typologies, @filedMonths, @transfers, @priorities)
                AS a(number, revision, active, territories, typology, filed_month, transfer, priority)
            ON CONFLICT (application_number) DO UPDATE SET
                revision = excluded.revision, active = excluded.active, territories = excluded.territories, typology = excluded.typology,
                filed_month = excluded.filed_month, transfer = excluded.transfer, priority_household = excluded.priority_household;

            INSERT INTO indicator_stock (territory, month, typology, filed_month, transfer, delta)
            SELECT * FROM unnest(@stockTerritories, @stockMonths, @stockTypologies, @stockFiledMonths, @stockTransfers, @stockDeltas)
            ON CONFLICT (territory, month, typology, filed_month, transfer) DO UPDATE SET delta = indicator_stock.delta + excluded.delta;

            -- Its two marginals (migration 0019), from the same movements.
            INSERT INTO indicator_stock_by_filing (territory, month, filed_month, delta)
            SELECT territory, month, filed_month, sum(delta)
            FROM unnest(@stockTerritories, @stockMonths, @stockFiledMonths, @stockDeltas) AS s(territory, month, filed_month, delta)
            GROUP BY territory, month, filed_month
            ON CONFLICT (territory, month, filed_month) DO UPDATE SET delta = indicator_stock_by_filing.delta + excluded.delta;

            INSERT INTO indicator_stock_by_kind (territory, month, typology, transfer, delta)
            SELECT territory, month, typology, transfer, sum(delta)
            FROM unnest(@stockTerritories, @stockMonths, @stockTypologies, @stockTransfers, @stockDeltas) AS s(territory, month, typology, transfer, delta)
            GROUP BY territory, month, typology, transfer
            ON CONFLICT (territory, month, typology, transfer) DO UPDATE SET delta = indicator_stock_by_kind.delta + excluded.delta;

            INSERT INTO indicator_flows (territory, month, indicator, dimension, count)
            SELECT * FROM unnest(@flowTerritories, @flowMonths, @flowIndicators, @flowDimensions, @flowCounts)
            ON CONFLICT (territory, month, indicator, dimension) DO UPDATE SET count = indicator_flows.count + excluded.count;

            -- Every territory whose rows changed takes a new version (migration 0020), so no process uses the rows
            -- it kept of them past this commit (IndicatorRowCache). In key order: two writers never lock them
            -- crosswise (pages are serialised by the checkpoint's lock already).
            -- Each month of theirs whose rows changed takes it too, so a process reads again only those months.
            WITH v AS MATERIALIZED (SELECT nextval('indicator_territory_version') AS version),
            touched AS MATERIALIZED (
                SELECT DISTINCT territory, month FROM unnest(@stockTerritories || @flowTerritories, @stockMonths || @flowMonths) AS u(territory, month)),
            territories AS (
                INSERT INTO indicator_territory_versions (territory, version)
                SELECT DISTINCT t.territory, v.version FROM touched t CROSS JOIN v
                ORDER BY 1
                ON CONFLICT (territory) DO UPDATE SET version = excluded.version)
            INSERT INTO indicator_territory_months (territory, month, version)
            SELECT t.territory, t.month, v.version FROM touched t CROSS JOIN v
            ORDER BY 1, 2
            ON CONFLICT (territory, month) DO UPDATE SET version = excluded.version;

            UPDATE indicator_progress SET counted_through = GREATEST(counted_through, @countedThrough) WHERE id = 1 AND @countedThrough IS NOT NULL;
            """;
        var applications = counts.Applications.Values.ToList();
        var stock = counts.Stock.ToList();
        var flows = counts.Flows.ToList();
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        var parameters = command.Parameters;
        parameters.Add(new NpgsqlParameter<string[]>("numbers", applications.Select(a => a.Number).ToArray()));
        parameters.Add(new NpgsqlParameter<long[]>("revisions", applications.Select(a => a.Revision).ToArray()));
        parameters.Add(new NpgsqlParameter<bool[]>("actives", applications.Select(a => a.Active).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("territories", applications.Select(a => string.Join(' ', a.Territories)).ToArray()));
        parameters.Add(new NpgsqlParameter<short[]>("typologies", applications.Select(a => (short)a.Typology).ToArray()));
        parameters.Add(new NpgsqlParameter<DateOnly[]>("filedMonths", applications.Select(a => a.FiledMonth).ToArray()));
        parameters.Add(new NpgsqlParameter<bool[]>("transfers", applications.Select(a => a.Transfer).ToArray()));
        parameters.Add(new NpgsqlParameter<bool[]>("priorities", applications.Select(a => a.PriorityHousehold).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("stockTerritories", stock.Select(s => s.Key.Territory).ToArray()));
        parameters.Add(new NpgsqlParameter<DateOnly[]>("stockMonths", stock.Select(s => s.Key.Month).ToArray()));
        parameters.Add(new NpgsqlParameter<short[]>("stockTypologies", stock.Select(s => (short)s.Key.Typology).ToArray()));
        parameters.Add(new NpgsqlParameter<DateOnly[]>("stockFiledMonths", stock.Select(s => s.Key.FiledMonth).ToArray()));
        parameters.Add(new NpgsqlParameter<bool[]>("stockTransfers", stock.Select(s => s.Key.Transfer).ToArray()));
        parameters.Add(new NpgsqlParameter<long[]>("stockDeltas", stock.Select(s => s.Value).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("flowTerritories", flows.Select(f => f.Key.Territory).ToArray()));
        parameters.Add(new NpgsqlParameter<DateOnly[]>("flowMonths", flows.Select(f => f.Key.Month).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("flowIndicators", flows.Select(f => f.Key.Indicator).ToArray()));
        parameters.Add(new NpgsqlParameter<string[]>("flowDimensions", flows.Select(f => f.Key.Dimension).ToArray()));
        parameters.Add(new NpgsqlParameter<long[]>("flowCounts", flows.Select(f => f.Value).ToArray()));
        parameters.Add(new NpgsqlParameter("countedThrough", NpgsqlDbType.TimestampTz) { Value = (object?)counts.CountedThrough?.UtcDateTime ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Empties the tables, for a rebuild (in the transaction that resets the checkpoint).</summary>
    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        const string sql = VersionedWriter + """
            TRUNCATE indicator_applications, indicator_stock, indicator_stock_by_filing, indicator_stock_by_kind, indicator_flows, indicator_territory_versions, indicator_territory_months;
            -- A new generation: every process drops the rows it kept (IndicatorRowCache, migration 0020).
            UPDATE indicator_progress SET counted_through = NULL, generation = generation + 1 WHERE id = 1;
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>One territory's stock movements up to <paramref name="throughMonth"/>, summed over its transfers and filing months.</summary>
    public async Task<IReadOnlyList<StockMovement>> MovementsAsync(
        NpgsqlConnection connection, string territory, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = @territory AND month <= @throughMonth AND delta <> 0
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("territory", territory));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("throughMonth", throughMonth));
        var rows = new List<StockMovement>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new StockMovement(
                reader.GetFieldValue<DateOnly>(0), (NeededTypology)reader.GetInt16(1), reader.GetFieldValue<DateOnly>(2), reader.GetBoolean(3), reader.GetInt64(4)));
        }

        return rows;
    }

    /// <summary>One territory's flow counts over the months from <paramref name="fromMonth"/> to <paramref name="throughMonth"/>.</summary>
    public async Task<IReadOnlyList<FlowCount>> FlowsAsync(
        NpgsqlConnection connection, string territory, DateOnly fromMonth, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT month, indicator, dimension, count FROM indicator_flows
            WHERE territory = @territory AND month BETWEEN @fromMonth AND @throughMonth
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("territory", territory));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("fromMonth", fromMonth));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("throughMonth", throughMonth));
        var rows = new List<FlowCount>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new FlowCount(reader.GetFieldValue<DateOnly>(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return rows;
    }

    /// <summary>The time of the last change counted; null before the first.</summary>
    public async Task<DateTimeOffset?> CountedThroughAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT counted_through FROM indicator_progress WHERE id = 1", connection);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DateTime at ? new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null;
    }

    /// <summary>How many changes of the log the projection <paramref name="projection"/> has counted (those still in the log).</summary>
    public async Task<long> ChangesCountedAsync(NpgsqlConnection connection, string projection, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT count(*) FROM changes
            WHERE change_seq <= (SELECT checkpoint_seq FROM projection_checkpoints WHERE projection = @projection)
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("projection", projection));
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>
    /// A page of the history's revisions whose change the feed has pruned, oldest first, after
    /// <paramref name="after"/>: what a rebuild counts before it replays the log, so it starts from the
    /// first registration rather than from the oldest change kept. An attribution step's details come
    /// from its proposal, whose last step is the one counted (a lease signed, an offer refused).
    /// </summary>
    public async Task<IReadOnlyList<IndicatorEvent>> PrunedHistoryAsync(
        NpgsqlTransaction transaction, (DateTime OccurredAt, string Number, long Revision)? after, int limit, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT h.application_number, h.revision, h.kind, h.occurred_at, h.departement, h.facts::text,
                   CASE p.state WHEN 'lease_signed' THEN 'LeaseSigned' WHEN 'offer_refused' THEN 'OfferRefused' END,
                   p.lease_reservation_holder, COALESCE(p.lease_dalo, false)
            FROM application_history h
            LEFT JOIN proposals p ON p.application_number = h.application_number AND p.application_revision = h.revision
            WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.application_number = h.application_number AND c.revision = h.revision)
              AND (NOT @paged OR (h.occurred_at, h.application_number, h.revision) > (@afterAt, @afterNumber, @afterRevision))
            ORDER BY h.occurred_at, h.application_number, h.revision
            LIMIT @limit
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<bool>("paged", after is not null));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("afterAt", after?.OccurredAt ?? DateTime.UnixEpoch) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<string>("afterNumber", after?.Number ?? ""));
        command.Parameters.Add(new NpgsqlParameter<long>("afterRevision", after?.Revision ?? 0));
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var events = new List<IndicatorEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            events.Add(new IndicatorEvent(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc)),
                reader.GetString(4),
                reader.IsDBNull(5) ? null : HistoryJson.FactsOf(reader.GetString(5)),
                reader.IsDBNull(6) ? null : new AttributionFacts(reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7), reader.GetBoolean(8))));
        }

        return events;
    }
}
