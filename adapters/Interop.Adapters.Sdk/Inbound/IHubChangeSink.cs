using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Inbound;

/// <summary>
/// The integrator's side of the inbound path: applies one hub change to the ERP. Calls are wrapped
/// in the SDK's ERP resilience pipeline (retries, circuit breaker, timeout); throw
/// <see cref="ErpRefusedException"/> for a change the ERP will never take: it is dead-lettered, not retried.
/// </summary>
public interface IHubChangeSink
{
    /// <summary>
    /// Applies <paramref name="change"/> (its <c>ApplicationState</c> is the application at delivery).
    /// Should be idempotent: after a crash between this call and the SDK's bookkeeping, the same change comes again.
    /// </summary>
    /// <param name="change">The hub's change.</param>
    /// <param name="erpRecordId">The ERP record linked to the change's application, or null when none is linked yet.</param>
    /// <param name="cancellationToken">Cancelled on timeout; not on a graceful shutdown (the change in hand is finished).</param>
    /// <returns>The ERP record that now holds the application (the SDK links it), or null.</returns>
    Task<string?> ApplyAsync(Change change, string? erpRecordId, CancellationToken cancellationToken);
}
