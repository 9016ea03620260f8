namespace Interop.Observatory.WebTests;

/// <summary>One dataset of a chart: null where the cell is suppressed.</summary>
public sealed record ChartSeries(string Label, IReadOnlyList<double?> Values);
