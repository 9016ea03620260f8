namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>One territory's rows of the indicator tables, as read back: its stock movements and its flow counts.</summary>
public sealed record TerritoryCounts(IReadOnlyList<StockMovement> Movements, IReadOnlyList<FlowCount> Flows)
{
    public static readonly TerritoryCounts None = new([], []);
}
