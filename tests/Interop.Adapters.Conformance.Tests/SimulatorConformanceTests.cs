using Interop.Adapters.Conformance.Tests.Harnesses;

namespace Interop.Adapters.Conformance.Tests;

/// <summary>The simulated landlord ERP passes the conformance kit.</summary>
public sealed class SimulatorConformanceTests(ConformanceHub hub) : AdapterConformanceTests(hub)
{
    protected override IAdapterHarness CreateHarness() => new SimulatorHarness();
}
