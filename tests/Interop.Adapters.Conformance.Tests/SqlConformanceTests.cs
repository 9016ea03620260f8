using Interop.Adapters.Conformance.Tests.Harnesses;

namespace Interop.Adapters.Conformance.Tests;

/// <summary>The SQL reference adapter (its own process, over a sample ERP database) passes the conformance kit.</summary>
public sealed class SqlConformanceTests(ConformanceHub hub) : AdapterConformanceTests(hub)
{
    protected override IAdapterHarness CreateHarness() => new SqlHarness();
}
