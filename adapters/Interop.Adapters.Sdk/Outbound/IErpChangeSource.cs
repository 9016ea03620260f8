namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// The integrator's side of the outbound path: the ERP's local changes after a marker the SDK stores.
/// Calls are wrapped in the SDK's ERP resilience pipeline (retries, circuit breaker, timeout).
/// </summary>
public interface IErpChangeSource
{
    /// <summary>
    /// The ERP's changes after <paramref name="afterMarker"/>, oldest first, at most <paramref name="maxCount"/>.
    /// An empty list means nothing new. Must be repeatable: the same marker gives the same changes with
    /// the same <see cref="ErpChange.ChangeId"/>s.
    /// </summary>
    /// <param name="afterMarker">The last marker stored, or null the first time (everything).</param>
    /// <param name="maxCount">The batch size (<see cref="AdapterOptions.BatchSize"/>).</param>
    /// <param name="cancellationToken">Cancelled on shutdown or timeout.</param>
    Task<IReadOnlyList<ErpChange>> ReadChangesAsync(string? afterMarker, int maxCount, CancellationToken cancellationToken);
}
