namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A row of one territory's stock movements, as read back.</summary>
public sealed record StockMovement(DateOnly Month, NeededTypology Typology, DateOnly FiledMonth, bool Transfer, long Delta);
