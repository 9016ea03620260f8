namespace Interop.Hub.Core.Statistics;

/// <summary>A published count, or a suppressed one (<see cref="Count"/> null).</summary>
public readonly record struct StockCell(long? Count)
{
    public bool Suppressed => Count is null;
}
