namespace Interop.Hub.Tests.Observatory;

/// <summary>The observatory's test classes read one hand-computed history, built once.</summary>
[CollectionDefinition(Name)]
public sealed class ObservatoryCollection : ICollectionFixture<ObservatoryHistory>
{
    public const string Name = "observatory";
}
