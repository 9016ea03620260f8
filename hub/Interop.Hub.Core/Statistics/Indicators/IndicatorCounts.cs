namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// The increments a page of changes makes to the indicator tables, summed in
/// memory so each row is written once per page (a change moving nothing of
/// what is counted leaves no row), and the applications' new counted states.
/// </summary>
public sealed class IndicatorCounts
{
    public Dictionary<StockKey, long> Stock { get; } = [];

    public Dictionary<FlowKey, long> Flows { get; } = [];

    /// <summary>The last counted state of each application the page moved, by number.</summary>
    public Dictionary<string, CountedApplication> Applications { get; } = new(StringComparer.Ordinal);

    /// <summary>The latest change time counted.</summary>
    public DateTimeOffset? CountedThrough { get; set; }

    public void AddStock(StockKey key, long delta)
    {
        var sum = Stock.GetValueOrDefault(key) + delta;
        if (sum == 0)
        {
            Stock.Remove(key);
        }
        else
        {
            Stock[key] = sum;
        }
    }

    public void AddFlow(FlowKey key) => Flows[key] = Flows.GetValueOrDefault(key) + 1;
}
