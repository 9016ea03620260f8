using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Npgsql;

namespace Interop.Hub.Storage.Statistics;

public sealed partial class IndicatorStore
{
    /// <summary>
    /// The rows of several territories at once (a territory's family and the territories containing
    /// them, for the cross-call suppression): stock movements up to <paramref name="throughMonth"/>, flows
    /// from <paramref name="fromMonth"/>. Territories without a row are absent. Only <paramref name="detailed"/>
    /// (the territory asked) comes as stored: the others weigh in through their cells' values only, never
    /// through a seniority median or a delay, so their delays are not read and their stock is read from its
    /// two marginal tables (migration 0019) and laid out as movements with the same sums (<see cref="StockMarginals"/>):
    /// for a commune of a national file, a sixth of the stock rows.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TerritoryCounts>> CountsAsync(
        NpgsqlConnection connection, string detailed, IReadOnlyCollection<string> territories, DateOnly fromMonth, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT territory, month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = @detailed AND month <= @throughMonth AND delta <> 0;
            SELECT territory, month, filed_month, delta FROM indicator_stock_by_filing
            WHERE territory = ANY(@others) AND month <= @throughMonth AND delta <> 0;
            SELECT territory, month, typology, transfer, delta FROM indicator_stock_by_kind
            WHERE territory = ANY(@others) AND month <= @throughMonth AND delta <> 0;
            SELECT territory, month, indicator, dimension, count FROM indicator_flows
            WHERE territory = ANY(@territories) AND month BETWEEN @fromMonth AND @throughMonth
              AND (territory = @detailed OR indicator <> @delay);
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("detailed", detailed));
        command.Parameters.Add(new NpgsqlParameter<string[]>("territories", territories.ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string[]>("others", territories.Where(t => t != detailed).ToArray()));
        command.Parameters.Add(new NpgsqlParameter<string>("delay", FlowIndicator.AttributionDelay));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("fromMonth", fromMonth));
        command.Parameters.Add(new NpgsqlParameter<DateOnly>("throughMonth", throughMonth));
        var movements = new Dictionary<string, List<StockMovement>>(StringComparer.Ordinal);
        var flows = new Dictionary<string, List<FlowCount>>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Rows(movements, reader.GetString(0)).Add(new StockMovement(
                reader.GetFieldValue<DateOnly>(1), (NeededTypology)reader.GetInt16(2), reader.GetFieldValue<DateOnly>(3), reader.GetBoolean(4), reader.GetInt64(5)));
        }

        var marginals = new StockMarginals();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            marginals.ByFiling(Rows(movements, reader.GetString(0)), reader.GetString(0), reader.GetFieldValue<DateOnly>(1), reader.GetFieldValue<DateOnly>(2), reader.GetInt64(3));
        }

        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            StockMarginals.ByKind(Rows(movements, reader.GetString(0)), reader.GetFieldValue<DateOnly>(1), (NeededTypology)reader.GetInt16(2), reader.GetBoolean(3), reader.GetInt64(4));
        }

        marginals.Balance(movements);
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            Rows(flows, reader.GetString(0)).Add(new FlowCount(reader.GetFieldValue<DateOnly>(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
        }

        return movements.Keys.Union(flows.Keys).ToDictionary(
            t => t,
            t => new TerritoryCounts(movements.GetValueOrDefault(t) ?? [], flows.GetValueOrDefault(t) ?? []),
            StringComparer.Ordinal);
    }

    private static List<T> Rows<T>(Dictionary<string, List<T>> rows, string territory)
    {
        if (!rows.TryGetValue(territory, out var list))
        {
            rows[territory] = list = [];
        }

        return list;
    }
}
