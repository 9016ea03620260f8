using Interop.Adapters.Conformance.Tests.Harnesses;

namespace Interop.Adapters.Conformance.Tests;

/// <summary>The Files reference adapter passes the conformance kit.</summary>
public sealed class FilesConformanceTests(ConformanceHub hub) : AdapterConformanceTests(hub)
{
    protected override IAdapterHarness CreateHarness() => new FilesHarness();
}
