namespace Interop.Benchmarks;

/// <summary>Something that registers applications into its own database: the hub over gRPC, or plain SQL.</summary>
internal interface IRegistrationTarget : IAsyncDisposable
{
    string Name { get; }

    BenchmarkDatabase Database { get; }

    /// <summary>Anything the target logged, shown when registrations failed.</summary>
    string Diagnostics { get; }

    /// <summary>The processes whose JIT must settle before measuring: the hub's and this one, or this one alone.</summary>
    IReadOnlyList<int> CompilingProcesses { get; }

    /// <summary>A client of its own (own connection or channel, own request ids) registering at <paramref name="desk"/>.</summary>
    Registration ClientFor(string desk);
}
