namespace Interop.Benchmarks;

/// <summary>Both measurements of one scenario, and the headline ratio between them.</summary>
internal sealed record ScenarioResult(Scenario Scenario, LoadResult Hub, LoadResult Direct)
{
    public double Ratio => Direct.PerSecond == 0 ? 0 : Hub.PerSecond / Direct.PerSecond;
}
