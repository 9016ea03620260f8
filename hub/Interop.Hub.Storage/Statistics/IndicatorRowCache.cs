using System.Collections.Concurrent;
using System.Data;
using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Npgsql;
using NpgsqlTypes;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// The indicator tables' rows of the territories a call of GetTerritoryIndicators reads (the territory asked, its
/// suppression family and the territories containing them), kept by the hub process between calls, so that a call
/// reads again only the territories whose rows changed since (README, "Observatory indicators").
/// <para>
/// Why by territory, with a version per territory (migration 0020) rather than by the projection's checkpoint:
/// a live hub projects a page every few seconds, and a cache keyed by the checkpoint would read the whole family
/// again after each one, though a page changes the rows of a handful of territories only (an application's
/// communes, their EPCIs, its département and the file). Nor a version per row (the change that last touched it):
/// that column, indexed, would change on every update of the tables and cost the projection its HOT updates, and
/// finding a family's changed rows would still walk all of them. A territory's version is a value of a sequence
/// the last transaction that wrote any of its rows drew, set in that transaction (<see cref="IndicatorStore.WriteAsync"/>); a
/// call reads the versions of its territories and, of the changed ones, the rows of the months whose own version
/// moved (a live page changes the current month), in one REPEATABLE READ snapshot, so what it uses is exactly what a
/// fresh read in that snapshot gives: kept rows whose version is the snapshot's, read rows for the others. A rebuild rewrites every table and moves to a new generation, which drops everything kept.
/// </para>
/// <para>
/// Memory: at most <see cref="MaxRows"/> rows, the least recently used territories dropped first. A row is a
/// stock movement or a flow count, 56 to 64 bytes each with its slots in the territory's and the month's lists (the
/// flows' names shared): the default of 2,000,000 rows is about 120 MB, a dozen commune families of a 3,000,000-application file (the file's family
/// about 100,000 rows, a commune's 125,000 to 186,000). Every replica keeps its own.
/// </para>
/// </summary>
public sealed class IndicatorRowCache(long maxRows = IndicatorRowCache.DefaultMaxRows)
{
    /// <summary>The default bound, in rows (about 120 MB).</summary>
    public const long DefaultMaxRows = 2_000_000;

    private readonly Lock gate = new();
    private readonly Dictionary<(string Territory, bool Detailed), LinkedListNode<CachedTerritoryRows>> entries = [];

    // Most recently used first.
    private readonly LinkedList<CachedTerritoryRows> recency = [];

    // The flows' indicator names and dimensions are a small vocabulary: one string each, not one per row.
    private readonly ConcurrentDictionary<string, string> names = new(StringComparer.Ordinal);
    private long generation = -1;
    private long rows;
    private long rowsRead;

    /// <summary>The most rows kept at once.</summary>
    public long MaxRows => maxRows;

    /// <summary>How many rows are kept now.</summary>
    public long Rows
    {
        get
        {
            lock (gate)
            {
                return rows;
            }
        }
    }

    /// <summary>How many rows this process has read from the tables through the cache since it started.</summary>
    public long RowsRead => Interlocked.Read(ref rowsRead);

    /// <summary>
    /// The rows of several territories (a territory's family and the territories containing them, for the
    /// cross-call suppression), and the time of the last change counted, in one snapshot of the tables: stock
    /// movements up to <paramref name="throughMonth"/>, flows from <paramref name="fromMonth"/>; territories without
    /// a row are absent. Only <paramref name="detailed"/> (the territory asked) comes as stored: the others weigh in
    /// through their cells' values only, never through a seniority median or a delay, so their delays are not read
    /// and their stock is read from its two marginal tables (migration 0019) and laid out as movements with the same
    /// sums (<see cref="StockMarginals"/>): for a commune of a national file, a sixth of the stock rows.
    /// </summary>
    public async Task<(IReadOnlyDictionary<string, TerritoryCounts> Counts, DateTimeOffset? CountedThrough)> CountsAsync(
        NpgsqlConnection connection, string detailed, IReadOnlyCollection<string> territories, DateOnly fromMonth, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        var wanted = territories.Append(detailed).Distinct(StringComparer.Ordinal).ToList();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var (current, countedThrough, versions) = await VersionsAsync(transaction, wanted, cancellationToken);
        var found = new List<CachedTerritoryRows>(wanted.Count);
        var whole = new List<string>();
        var changed = new List<CachedTerritoryRows>();
        lock (gate)
        {
            foreach (var territory in wanted)
            {
                if (!entries.TryGetValue((territory, territory == detailed), out var node) || node.Value.Generation != current)
                {
                    whole.Add(territory);
                    continue;
                }

                recency.Remove(node);
                recency.AddFirst(node);
                if (node.Value.Version == VersionOf(versions, territory))
                {
                    found.Add(node.Value);
                }
                else
                {
                    changed.Add(node.Value);
                }
            }
        }

        if (whole.Count > 0 || changed.Count > 0)
        {
            var read = await ReadAsync(transaction, detailed, whole, changed, current, versions, cancellationToken);
            Interlocked.Add(ref rowsRead, read.RowsRead);
            found.AddRange(read.Entries);
            Keep(current, read.Entries);
        }

        await transaction.CommitAsync(cancellationToken);
        var counts = new Dictionary<string, TerritoryCounts>(StringComparer.Ordinal);
        foreach (var entry in found)
        {
            if (entry.Within(fromMonth, throughMonth) is { } within)
            {
                counts[entry.Territory] = within;
            }
        }

        return (counts, countedThrough);
    }

    private static async Task<(long Generation, DateTimeOffset? CountedThrough, Dictionary<string, long> Versions)> VersionsAsync(
        NpgsqlTransaction transaction, List<string> territories, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT generation, counted_through FROM indicator_progress WHERE id = 1;
            SELECT territory, version FROM indicator_territory_versions WHERE territory = ANY(@territories);
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string[]>("territories", territories.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var generation = reader.GetInt64(0);
        DateTimeOffset? countedThrough = reader.IsDBNull(1) ? null : new DateTimeOffset(DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc));
        await reader.NextResultAsync(cancellationToken);
        var versions = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions[reader.GetString(0)] = reader.GetInt64(1);
        }

        return (generation, countedThrough, versions);
    }

    // The rows of the territories read whole, and of the months changed since they were kept of the others (their
    // months' versions differ from the kept ones: a live page changes the current month's rows of a handful of
    // territories), in the forms CountsAsync gives them; each month is read whole, so its stock's marginals balance.
    private async Task<(List<CachedTerritoryRows> Entries, long RowsRead)> ReadAsync(
        NpgsqlTransaction transaction,
        string detailed,
        List<string> whole,
        List<CachedTerritoryRows> changed,
        long generation,
        Dictionary<string, long> versions,
        CancellationToken cancellationToken)
    {
        // The months of the changed territories whose version is not the one kept (or that were not kept).
        const string changedMonths = """
            WITH changed AS (
                SELECT territory, month FROM (
                    SELECT territory, month, version FROM indicator_territory_months WHERE territory = ANY(@changed)
                    EXCEPT
                    SELECT * FROM unnest(@keptTerritories, @keptMonths, @keptVersions)
                ) d
            )
            """;
        const string sql = changedMonths + """
            SELECT territory, month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = @detailed AND @detailedWhole AND delta <> 0
            UNION ALL
            SELECT s.territory, s.month, s.typology, s.filed_month, s.transfer, s.delta
            FROM changed c JOIN indicator_stock s ON s.territory = c.territory AND s.month = c.month
            WHERE c.territory = @detailed AND s.delta <> 0;
            """ + changedMonths + """
            SELECT territory, month, filed_month, delta FROM indicator_stock_by_filing
            WHERE territory = ANY(@wholeOthers) AND delta <> 0
            UNION ALL
            SELECT s.territory, s.month, s.filed_month, s.delta
            FROM changed c JOIN indicator_stock_by_filing s ON s.territory = c.territory AND s.month = c.month
            WHERE c.territory <> @detailed AND s.delta <> 0;
            """ + changedMonths + """
            SELECT territory, month, typology, transfer, delta FROM indicator_stock_by_kind
            WHERE territory = ANY(@wholeOthers) AND delta <> 0
            UNION ALL
            SELECT s.territory, s.month, s.typology, s.transfer, s.delta
            FROM changed c JOIN indicator_stock_by_kind s ON s.territory = c.territory AND s.month = c.month
            WHERE c.territory <> @detailed AND s.delta <> 0;
            """ + changedMonths + """
            SELECT territory, month, indicator, dimension, count FROM indicator_flows
            WHERE territory = ANY(@whole) AND (territory = @detailed OR indicator <> @delay)
            UNION ALL
            SELECT f.territory, f.month, f.indicator, f.dimension, f.count
            FROM changed c JOIN indicator_flows f ON f.territory = c.territory AND f.month = c.month
            WHERE f.territory = @detailed OR f.indicator <> @delay;
            SELECT territory, month, version FROM indicator_territory_months WHERE territory = ANY(@whole) OR territory = ANY(@changed);
            """;
        var kept = changed.SelectMany(e => e.MonthVersions.Select(m => (e.Territory, Month: m.Key, Version: m.Value))).ToList();
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("detailed", detailed));
        command.Parameters.Add(new NpgsqlParameter<bool>("detailedWhole", whole.Contains(detailed)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("whole", whole.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("wholeOthers", whole.Where(t => t != detailed).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("changed", changed.Select(e => e.Territory).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("keptTerritories", kept.Select(k => k.Territory).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("keptMonths", kept.Select(k => k.Month).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<long[]>("keptVersions", kept.Select(k => k.Version).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string>("delay", FlowIndicator.AttributionDelay) { NpgsqlDbType = NpgsqlDbType.Text });
        var stale = whole.Concat(changed.Select(e => e.Territory)).ToList();
        var movements = stale.ToDictionary(t => t, _ => new List<StockMovement>(), StringComparer.Ordinal);
        var flows = stale.ToDictionary(t => t, _ => new List<FlowCount>(), StringComparer.Ordinal);
        var monthVersions = stale.ToDictionary(t => t, _ => new Dictionary<DateOnly, long>(), StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                movements[reader.GetString(0)].Add(new StockMovement(
                    reader.GetFieldValue<DateOnly>(1), (NeededTypology)reader.GetInt16(2), reader.GetFieldValue<DateOnly>(3), reader.GetBoolean(4), reader.GetInt64(5)));
            }

            var marginals = new StockMarginals();
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var territory = reader.GetString(0);
                marginals.ByFiling(movements[territory], territory, reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                StockMarginals.ByKind(movements[reader.GetString(0)], reader.GetFieldValue<DateOnly>(1), (NeededTypology)reader.GetInt16(2), reader.GetBoolean(3), reader.GetInt64(4));
            }

            marginals.Balance(movements);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                flows[reader.GetString(0)].Add(new FlowCount(reader.GetFieldValue<DateOnly>(1), Name(reader.GetString(2)), Name(reader.GetString(3)), reader.GetInt64(4)));
            }

            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                monthVersions[reader.GetString(0)][reader.GetFieldValue<DateOnly>(1)] = reader.GetInt64(2);
            }
        }

        var entries = new List<CachedTerritoryRows>(stale.Count);
        foreach (var territory in whole)
        {
            entries.Add(new CachedTerritoryRows(
                territory, territory == detailed, generation, VersionOf(versions, territory), monthVersions[territory], ByMonth([], movements[territory], flows[territory])));
        }

        foreach (var previous in changed)
        {
            // The months read again replace the kept ones whole (a month whose rows all summed to nothing is gone).
            var months = previous.Months.Where(m => previous.MonthVersions.GetValueOrDefault(m.Key, -1) == monthVersions[previous.Territory].GetValueOrDefault(m.Key, -1));
            // A new record, not `with`: the flat lists are laid out by the constructor.
            entries.Add(new CachedTerritoryRows(
                previous.Territory,
                previous.Detailed,
                generation,
                VersionOf(versions, previous.Territory),
                monthVersions[previous.Territory],
                ByMonth(months, movements[previous.Territory], flows[previous.Territory])));
        }

        return (entries, movements.Values.Sum(m => (long)m.Count) + flows.Values.Sum(f => (long)f.Count));
    }

    private static Dictionary<DateOnly, MonthRows> ByMonth(
        IEnumerable<KeyValuePair<DateOnly, MonthRows>> kept, List<StockMovement> movements, List<FlowCount> flows)
    {
        var months = kept.ToDictionary(m => m.Key, m => m.Value);
        var read = new HashSet<DateOnly>();
        MonthRows Month(DateOnly month)
        {
            // Rows read land in months of their own, never in a kept one: those lists are shared with other calls.
            if (read.Add(month))
            {
                months[month] = new MonthRows([], []);
            }

            return months[month];
        }

        foreach (var movement in movements)
        {
            Month(movement.Month).Movements.Add(movement);
        }

        foreach (var flow in flows)
        {
            Month(flow.Month).Flows.Add(flow);
        }

        return months;
    }

    // Keeps what a call read, unless a newer generation is kept already (the call's snapshot was older than a
    // rebuild another call saw); then drops the least recently used territories down to the bound.
    private void Keep(long readGeneration, List<CachedTerritoryRows> read)
    {
        lock (gate)
        {
            if (readGeneration < generation)
            {
                return;
            }

            if (readGeneration > generation)
            {
                entries.Clear();
                recency.Clear();
                rows = 0;
                generation = readGeneration;
            }

            foreach (var entry in read)
            {
                var key = (entry.Territory, entry.Detailed);
                if (entries.Remove(key, out var old))
                {
                    recency.Remove(old);
                    rows -= old.Value.Rows;
                }

                if (entry.Rows <= maxRows)
                {
                    entries[key] = recency.AddFirst(entry);
                    rows += entry.Rows;
                }
            }

            while (rows > maxRows && recency.Last is { } last)
            {
                recency.RemoveLast();
                entries.Remove((last.Value.Territory, last.Value.Detailed));
                rows -= last.Value.Rows;
            }
        }
    }

    // Null when the territory has not been written since its generation began.
    private static long? VersionOf(Dictionary<string, long> versions, string territory) =>
        versions.TryGetValue(territory, out var version) ? version : null;

    private string Name(string name) => names.GetOrAdd(name, name);
}
