using Interop.Hub.Core.Statistics;
using Interop.Hub.Core.Statistics.Indicators;
using Npgsql;

namespace Interop.Hub.Storage.Statistics;

public sealed partial class IndicatorStore
{
    /// <summary>
    /// The rows of several territories at once (a territory's family and the territories containing
    /// them, for the cross-call suppression): stock movements up to <paramref name="throughMonth"/>, flows
    /// from <paramref name="fromMonth"/>. Territories without a row are absent. Two index range reads.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TerritoryCounts>> CountsAsync(
        NpgsqlConnection connection, IReadOnlyCollection<string> territories, DateOnly fromMonth, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        const string sql = """
            SELECT territory, month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = ANY(@territories) AND month <= @throughMonth AND delta <> 0;
            SELECT territory, month, indicator, dimension, count FROM indicator_flows
            WHERE territory = ANY(@territories) AND month BETWEEN @fromMonth AND @throughMonth;
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string[]>("territories", territories.ToArray()));
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
