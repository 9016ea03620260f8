namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>A row of one territory's flow counts, as read back.</summary>
public sealed record FlowCount(DateOnly Month, string Indicator, string Dimension, long Count);
