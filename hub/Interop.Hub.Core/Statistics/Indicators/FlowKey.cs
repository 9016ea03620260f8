namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A row of the flow counts: a territory, a month, an indicator (<see cref="FlowIndicator"/>) and its dimension.</summary>
public readonly record struct FlowKey(string Territory, DateOnly Month, string Indicator, string Dimension);
