namespace Interop.Hub.Storage.Idempotency;

/// <summary>What the idempotency table says about a request id.</summary>
public abstract record IdempotencyClaim
{
    private IdempotencyClaim()
    {
    }

    /// <summary>First time: the caller does the work and records the answer in the same transaction.</summary>
    public sealed record New : IdempotencyClaim;

    /// <summary>Seen before with the same request: return this answer, change nothing.</summary>
    public sealed record Replay(byte[] Response) : IdempotencyClaim;

    /// <summary>Seen before with a different request or method.</summary>
    public sealed record Conflict(string Method) : IdempotencyClaim;
}
