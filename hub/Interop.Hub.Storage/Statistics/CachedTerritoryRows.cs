using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// Every row of one territory in the indicator tables, as <see cref="IndicatorRowCache"/> keeps it: in the form a
/// call reads it (<paramref name="Detailed"/>: as stored, delays included; otherwise the stock from its two
/// marginals and the flows without delays), by month, with the generation, version and months' versions it was
/// read at.
/// </summary>
internal sealed record CachedTerritoryRows(
    string Territory,
    bool Detailed,
    long Generation,
    long? Version,
    IReadOnlyDictionary<DateOnly, long> MonthVersions,
    IReadOnlyDictionary<DateOnly, MonthRows> Months)
{
    private readonly List<StockMovement> movements = Months.Values.SelectMany(m => m.Movements).ToList();
    private readonly List<FlowCount> flows = Months.Values.SelectMany(m => m.Flows).ToList();

    public int Rows => movements.Count + flows.Count;

    /// <summary>
    /// The rows a read of these months would give (stock up to <paramref name="throughMonth"/>, flows from
    /// <paramref name="fromMonth"/>), the kept lists themselves when every row is in range; null when none is,
    /// as a territory without a row is absent from a read.
    /// </summary>
    public TerritoryCounts? Within(DateOnly fromMonth, DateOnly throughMonth)
    {
        var lastStockMonth = DateOnly.MinValue;
        var firstFlowMonth = DateOnly.MaxValue;
        var lastFlowMonth = DateOnly.MinValue;
        foreach (var (month, rows) in Months)
        {
            if (rows.Movements.Count > 0 && month > lastStockMonth)
            {
                lastStockMonth = month;
            }

            if (rows.Flows.Count > 0)
            {
                firstFlowMonth = month < firstFlowMonth ? month : firstFlowMonth;
                lastFlowMonth = month > lastFlowMonth ? month : lastFlowMonth;
            }
        }

        IReadOnlyList<StockMovement> inRange = lastStockMonth <= throughMonth ? movements : movements.FindAll(m => m.Month <= throughMonth);
        IReadOnlyList<FlowCount> flowsInRange = firstFlowMonth >= fromMonth && lastFlowMonth <= throughMonth
            ? flows
            : flows.FindAll(f => f.Month >= fromMonth && f.Month <= throughMonth);
        return inRange.Count == 0 && flowsInRange.Count == 0 ? null : new TerritoryCounts(inRange, flowsInRange);
    }
}
