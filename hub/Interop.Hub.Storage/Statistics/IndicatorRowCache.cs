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
/// finding a family's changed rows would still walk all of them. A territory's version is the id of the last
/// transaction that wrote any of its rows, set in that transaction (<see cref="IndicatorStore.WriteAsync"/>); a
/// call reads the versions of its territories and the rows of the changed ones in one REPEATABLE READ snapshot, so
/// what it uses is exactly what a fresh read in that snapshot gives: kept rows whose version is the snapshot's, read
/// rows for the others. A rebuild rewrites every table and moves to a new generation, which drops everything kept.
/// </para>
/// <para>
/// Memory: at most <see cref="MaxRows"/> rows, the least recently used territories dropped first. A row is a
/// stock movement or a flow count, about 56 bytes each with its list slot (the flows' names shared): the default of
/// 2,000,000 rows is about 110 MB, a dozen commune families of a 3,000,000-application file (the file's family
/// about 100,000 rows, a commune's 125,000 to 186,000). Every replica keeps its own.
/// </para>
/// </summary>
public sealed class IndicatorRowCache(long maxRows = IndicatorRowCache.DefaultMaxRows)
{
    /// <summary>The default bound, in rows (about 110 MB).</summary>
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
        var stale = new List<string>();
        lock (gate)
        {
            foreach (var territory in wanted)
            {
                if (entries.TryGetValue((territory, territory == detailed), out var node)
                    && node.Value.Generation == current && node.Value.Version == VersionOf(versions, territory))
                {
                    recency.Remove(node);
                    recency.AddFirst(node);
                    found.Add(node.Value);
                }
                else
                {
                    stale.Add(territory);
                }
            }
        }

        if (stale.Count > 0)
        {
            var read = await ReadAsync(transaction, detailed, stale, current, versions, cancellationToken);
            Interlocked.Add(ref rowsRead, read.Sum(r => (long)r.Rows));
            found.AddRange(read);
            Keep(current, read);
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

    // Every month of the stale territories, in the forms CountsAsync gives them.
    private async Task<List<CachedTerritoryRows>> ReadAsync(
        NpgsqlTransaction transaction, string detailed, List<string> stale, long generation, Dictionary<string, long> versions, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT territory, month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = @detailed AND @detailedStale AND delta <> 0;
            SELECT territory, month, filed_month, delta FROM indicator_stock_by_filing
            WHERE territory = ANY(@others) AND delta <> 0;
            SELECT territory, month, typology, transfer, delta FROM indicator_stock_by_kind
            WHERE territory = ANY(@others) AND delta <> 0;
            SELECT territory, month, indicator, dimension, count FROM indicator_flows
            WHERE territory = ANY(@territories) AND (territory = @detailed OR indicator <> @delay);
            """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<string>("detailed", detailed));
        command.Parameters.Add(new NpgsqlParameter<bool>("detailedStale", stale.Contains(detailed)));
        command.Parameters.Add(new NpgsqlParameter<string[]>("territories", stale.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("others", stale.Where(t => t != detailed).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string>("delay", FlowIndicator.AttributionDelay) { NpgsqlDbType = NpgsqlDbType.Text });
        var movements = stale.ToDictionary(t => t, _ => new List<StockMovement>(), StringComparer.Ordinal);
        var flows = stale.ToDictionary(t => t, _ => new List<FlowCount>(), StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
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

        return stale
            .Select(t => new CachedTerritoryRows(t, t == detailed, generation, VersionOf(versions, t), movements[t], flows[t]))
            .ToList();
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

    // Null when the territory has not been written since its generation began (not 0, which a transaction id could be).
    private static long? VersionOf(Dictionary<string, long> versions, string territory) =>
        versions.TryGetValue(territory, out var version) ? version : null;

    private string Name(string name) => names.GetOrAdd(name, name);
}
