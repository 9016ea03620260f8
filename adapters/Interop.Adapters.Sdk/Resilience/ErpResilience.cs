using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Inbound;
using Interop.Adapters.Sdk.Mapping;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Interop.Adapters.Sdk.Resilience;

/// <summary>
/// The pipeline around every call into the ERP (source reads, sink applies): retries with jittered
/// exponential backoff, a circuit breaker so a down ERP is not hammered, and a timeout per attempt.
/// Hub calls are not wrapped here: the client library already retries them with the same request id.
/// </summary>
internal static class ErpResilience
{
    public static ResiliencePipeline Build(AdapterOptions options, TimeProvider timeProvider, AdapterMetrics metrics, ILogger logger)
    {
        // A refusal is an answer, not a fault: retrying it would only delay its dead letter.
        var transient = new PredicateBuilder().Handle<Exception>(e => e is not (ErpRefusedException or UnknownCodeException or OperationCanceledException));
        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.ErpRetries,
                Delay = options.ErpRetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    metrics.CountRetried();
                    AdapterLog.ErpRetry(logger, args.Outcome.Exception, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = 10,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = options.ErpBreakDuration,
            })
            .AddTimeout(options.ErpTimeout)
            .Build();
    }
}
