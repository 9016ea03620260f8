using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// RESOURCE_EXHAUSTED: <c>RATE_LIMITED</c> (the organisation is over its rate
/// limit; the client retries these itself, so this surfaces only once the
/// retries are spent) or <c>COUNTER_EXHAUSTED</c> (a desk registered 99 999
/// applications in one département this month; never retried).
/// </summary>
public sealed class QuotaExceededException : InteropException
{
    internal QuotaExceededException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        var violation = details.GetDetail<QuotaFailure>()?.Violations.FirstOrDefault();
        Subject = violation?.Subject ?? "";
        RetryDelay = details.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();
    }

    /// <summary>What is over its quota, e.g. <c>organizations/{id}</c> or a desk; empty if the hub did not say.</summary>
    public string Subject { get; }

    /// <summary>
    /// How long to wait before trying again, if the hub said so (a
    /// <c>google.rpc.RetryInfo</c> detail); null otherwise. The hub's rate
    /// limiter currently sends no <c>RetryInfo</c>, so this is null today.
    /// </summary>
    public TimeSpan? RetryDelay { get; }
}
