namespace Interop.Adapters.Sdk.State;

/// <summary>The state in memory only: lost with the process. For tests and trials; use <see cref="FileAdapterStateStore"/> in production.</summary>
public sealed class InMemoryAdapterStateStore : AdapterStateStoreBase
{
    /// <summary>An empty state.</summary>
    public InMemoryAdapterStateStore()
        : base(new AdapterStateData())
    {
    }

    private protected override ValueTask PersistAsync(AdapterStateData state, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
