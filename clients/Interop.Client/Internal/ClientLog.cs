using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace Interop.Client.Internal;

/// <summary>
/// The client's log events, with stable ids. They name methods, subscription
/// ids, positions and status codes only: never a request, an answer or the
/// hub's message, which may quote personal data.
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "{Method} failed with {StatusCode}; attempt {Attempt} in {DelayMs} ms")]
    public static partial void RetryingCall(ILogger logger, string method, StatusCode statusCode, int attempt, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Feed subscription {SubscriptionId} stream ended ({Cause}) after position {Position}; reconnecting in {DelayMs} ms")]
    public static partial void FeedReconnecting(ILogger logger, string subscriptionId, string cause, long position, double delayMs);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Feed subscription {SubscriptionId} could not acknowledge position {Position} ({Cause}); it will try again")]
    public static partial void AcknowledgeFailed(ILogger logger, string subscriptionId, long position, string cause);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Feed subscription {SubscriptionId} acknowledged position {Position}")]
    public static partial void Acknowledged(ILogger logger, string subscriptionId, long position);
}
