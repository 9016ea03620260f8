namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>The indicators' test classes read one hand-computed history, built once.</summary>
[CollectionDefinition(Name)]
public sealed class IndicatorCollection : ICollectionFixture<IndicatorHistory>
{
    public const string Name = "indicators";
}
