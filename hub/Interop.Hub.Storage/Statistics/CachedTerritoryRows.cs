using Interop.Hub.Core.Statistics.Indicators;

namespace Interop.Hub.Storage.Statistics;

/// <summary>
/// Every row of one territory in the indicator tables, as <see cref="IndicatorRowCache"/> keeps it: in the form a
/// call reads it (<paramref name="Detailed"/>: as stored, delays included; otherwise the stock from its two
/// marginals and the flows without delays), over every month, with the generation and version it was read at.
/// </summary>
internal sealed record CachedTerritoryRows(
    string Territory,
    bool Detailed,
    long Generation,
    long? Version,
    List<StockMovement> Movements,
    List<FlowCount> Flows)
{
    private readonly DateOnly lastStockMonth = Movements.Count == 0 ? DateOnly.MinValue : Movements.Max(m => m.Month);
    private readonly DateOnly firstFlowMonth = Flows.Count == 0 ? DateOnly.MaxValue : Flows.Min(f => f.Month);
    private readonly DateOnly lastFlowMonth = Flows.Count == 0 ? DateOnly.MinValue : Flows.Max(f => f.Month);

    public int Rows => Movements.Count + Flows.Count;

    /// <summary>
    /// The rows a read of these months would give (stock up to <paramref name="throughMonth"/>, flows from
    /// <paramref name="fromMonth"/>), the kept lists themselves when every row is in range; null when none is,
    /// as a territory without a row is absent from a read.
    /// </summary>
    public TerritoryCounts? Within(DateOnly fromMonth, DateOnly throughMonth)
    {
        IReadOnlyList<StockMovement> movements = lastStockMonth <= throughMonth ? Movements : Movements.FindAll(m => m.Month <= throughMonth);
        IReadOnlyList<FlowCount> flows = firstFlowMonth >= fromMonth && lastFlowMonth <= throughMonth
            ? Flows
            : Flows.FindAll(f => f.Month >= fromMonth && f.Month <= throughMonth);
        return movements.Count == 0 && flows.Count == 0 ? null : new TerritoryCounts(movements, flows);
    }
}
