namespace Interop.Client;

/// <summary>
/// Retries of unary calls. Only transient failures are retried: UNAVAILABLE
/// always; DEADLINE_EXCEEDED for reads (Get…, List…, Find…, and the feed's
/// Acknowledge, which never moves a checkpoint back) and for requests carrying
/// a <c>request_id</c>; RESOURCE_EXHAUSTED with reason <c>RATE_LIMITED</c>.
/// Answers (INVALID_ARGUMENT, FAILED_PRECONDITION, ALREADY_EXISTS, ABORTED,
/// NOT_FOUND, PERMISSION_DENIED, UNAUTHENTICATED…) are never retried.
/// Every attempt of one call sends the same <c>request_id</c>, so the hub
/// applies a mutation at most once.
/// </summary>
public sealed class InteropRetryOptions
{
    /// <summary>Attempts per call, the first included. Default 5; 1 turns retries off.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The delay before the first retry; each following delay doubles, with jitter. Default 200 milliseconds.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>The longest delay between two attempts. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}
