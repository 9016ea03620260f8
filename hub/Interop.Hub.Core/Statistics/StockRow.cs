namespace Interop.Hub.Core.Statistics;

/// <summary>The stock of one territory: every active application, and by needed typology.</summary>
public sealed record StockRow(string Territory, StockCell Total, IReadOnlyDictionary<NeededTypology, StockCell> ByTypology);
