using Interop.Hub.Core.Errors;

namespace Interop.Hub.Idempotency;

/// <summary>
/// The answer to one request of a batch (<see cref="IdempotentBatchWriter"/>): a response (stored for replay
/// unless it is itself a replay), a refusal (not stored: the same id sent again is decided again, as a refused
/// request alone is), or neither when the batch left the request to the single path.
/// </summary>
internal sealed record BatchAnswer<TResponse>(TResponse? Response, DomainException? Refusal, bool Replayed = false)
    where TResponse : class
{
    public static BatchAnswer<TResponse> Done(TResponse response) => new(response, null);

    public static BatchAnswer<TResponse> Refused(DomainException refusal) => new(null, refusal);

    public static BatchAnswer<TResponse> Deferred() => new(null, null);

    /// <summary>Left to the single path: neither answered nor refused by the batch.</summary>
    public bool IsDeferred => Response is null && Refusal is null;
}
