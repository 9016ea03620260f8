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
    /// through a seniority median or a delay, so their delays are left out and their stock comes as its three
    /// marginals of each month (by typology, by month of filing, by transfer) laid out as movements whose sums
    /// are those of the stored rows (<see cref="MarginalStock"/>): a fifth of the rows of a national file.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, TerritoryCounts>> CountsAsync(
        NpgsqlConnection connection, string detailed, IReadOnlyCollection<string> territories, DateOnly fromMonth, DateOnly throughMonth, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT territory, month, typology, filed_month, transfer, delta FROM indicator_stock
            WHERE territory = @detailed AND month <= @throughMonth AND delta <> 0
            UNION ALL
            {MarginalStock}
            ;
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

    /// <summary>
    /// The stock of the other territories, month by month, as movements with the same sums by typology, by month
    /// of filing and by transfer as the stored ones (every cell a table takes from the stock is one of those sums:
    /// the active total, by typology, by seniority bucket, the transfers). With m_T, m_F, m_X the month's three
    /// marginals and N its total, the movements are m_T(t) at (t, F₀, X₀), m_F(f) at (T₀, f, X₀), m_X(x) at
    /// (T₀, F₀, x) and −2N at (T₀, F₀, X₀), taking T₀ = typology 1, F₀ = the month itself, X₀ = no transfer:
    /// each sum over one of the three keys gives back its marginal (at the base key, m + N + N − 2N).
    /// </summary>
    private const string MarginalStock = """
        SELECT territory, month, COALESCE(typology, 1::smallint), COALESCE(filed_month, month), COALESCE(transfer, false),
               CASE WHEN GROUPING(typology, filed_month, transfer) = 7 THEN -2 * sum(delta) ELSE sum(delta) END::bigint
        FROM indicator_stock
        WHERE territory = ANY(@others) AND month <= @throughMonth
        GROUP BY GROUPING SETS ((territory, month, typology), (territory, month, filed_month), (territory, month, transfer), (territory, month))
        """;

    private static List<T> Rows<T>(Dictionary<string, List<T>> rows, string territory)
    {
        if (!rows.TryGetValue(territory, out var list))
        {
            rows[territory] = list = [];
        }

        return list;
    }
}
