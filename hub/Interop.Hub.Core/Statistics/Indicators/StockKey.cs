namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A row of the stock movements: a territory, the month of the movement, and what the application counted as.</summary>
public readonly record struct StockKey(string Territory, DateOnly Month, NeededTypology Typology, DateOnly FiledMonth, bool Transfer);
