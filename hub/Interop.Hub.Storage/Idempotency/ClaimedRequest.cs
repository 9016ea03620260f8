namespace Interop.Hub.Storage.Idempotency;

/// <summary>A request id to claim, with the method and fingerprint a replay must match.</summary>
public sealed record ClaimedRequest(string RequestId, string Method, byte[] RequestHash);
