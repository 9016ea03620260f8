namespace Interop.Observatory.WebTests;

/// <summary>A chart's data as Chart.js holds it.</summary>
public sealed record ChartData(IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Datasets)
{
    public ChartSeries Series(string label) =>
        Datasets.FirstOrDefault(d => d.Label == label)
        ?? throw new Xunit.Sdk.XunitException($"No series '{label}' in the chart; it has: {string.Join(", ", Datasets.Select(d => d.Label))}");
}
