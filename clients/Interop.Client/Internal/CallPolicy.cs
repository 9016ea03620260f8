using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Interop.Client.Internal;

/// <summary>
/// Runs one logical unary call: the request id set once, a deadline and the
/// credentials on each attempt, transient failures retried with jittered
/// exponential backoff (Polly), and the hub's answers thrown as typed
/// exceptions.
/// </summary>
internal sealed class CallPolicy
{
    private static readonly ResiliencePropertyKey<CallTraits> TraitsKey = new("interop.call");
    private static readonly string[] ReadPrefixes = ["Get", "List", "Find", "Search", "BatchGet"];

    // gRPC measures deadlines against the system clock, whatever clock the
    // caller gave for delays: a deadline computed from a test's fake clock
    // would expire at once or never.
    private static readonly TimeProvider DeadlineClock = TimeProvider.System;

    private readonly ResiliencePipeline pipeline;
    private readonly TimeSpan defaultDeadline;
    private readonly CallCredentials? credentials;

    public CallPolicy(ClientSettings settings, CallCredentials? credentials)
    {
        var time = settings.TimeProvider;
        defaultDeadline = settings.DefaultDeadline;
        this.credentials = credentials;
        var logger = settings.LoggerFactory?.CreateLogger("Interop.Client") ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = time };
        if (settings.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = settings.RetryBaseDelay,
                MaxDelay = settings.RetryMaxDelay,
                ShouldHandle = args => ValueTask.FromResult(
                    args.Outcome.Exception is RpcException exception
                    && args.Context.Properties.TryGetValue(TraitsKey, out var traits)
                    && IsTransient(exception, traits)),
                // The hub's own delay wins when it gives one (RetryInfo); today's rate limiter gives none.
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is RpcException exception ? ErrorTranslator.RetryDelayOf(exception) : null),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is RpcException exception && args.Context.Properties.TryGetValue(TraitsKey, out var traits))
                    {
                        ClientLog.RetryingCall(logger, traits.Method, exception.StatusCode, args.AttemptNumber + 2, args.RetryDelay.TotalMilliseconds);
                    }

                    return default;
                },
            });
        }

        pipeline = builder.Build();
    }

    public CallCredentials? Credentials => credentials;

    public async Task<TResponse> ExecuteAsync<TRequest, TResponse>(
        TRequest request,
        ClientInterceptorContext<TRequest, TResponse> context,
        Func<TRequest, ClientInterceptorContext<TRequest, TResponse>, Task<TResponse>> attempt)
        where TRequest : class
        where TResponse : class
    {
        var (prepared, carriesRequestId) = RequestIds.Prepare(request);
        var traits = new CallTraits(context.Method.FullName, carriesRequestId || IsRead(context.Method), context.Options.Deadline);
        var cancellationToken = context.Options.CancellationToken;
        var resilience = ResilienceContextPool.Shared.Get(cancellationToken);
        resilience.Properties.Set(TraitsKey, traits);
        try
        {
            return await pipeline.ExecuteAsync(
                static async (_, state) =>
                {
                    var (self, prepared, context, attempt) = state;
                    try
                    {
                        return await attempt(prepared, self.ForAttempt(context)).ConfigureAwait(false);
                    }
                    catch (RpcException exception)
                    {
                        throw ErrorTranslator.Translate(exception);
                    }
                },
                resilience,
                (this, prepared, context, attempt)).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Cancelled while waiting between attempts: say it as gRPC would.
            throw new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
        }
        finally
        {
            ResilienceContextPool.Shared.Return(resilience);
        }
    }

    /// <summary>The call's options with the credentials and, unless the caller set one, this attempt's deadline.</summary>
    public ClientInterceptorContext<TRequest, TResponse> ForAttempt<TRequest, TResponse>(ClientInterceptorContext<TRequest, TResponse> context, bool withDeadline = true)
        where TRequest : class
        where TResponse : class
    {
        var options = context.Options;
        if (withDeadline && options.Deadline is null)
        {
            options = options.WithDeadline(DeadlineClock.GetUtcNow().UtcDateTime + defaultDeadline);
        }

        if (options.Credentials is null && credentials is not null)
        {
            options = options.WithCredentials(credentials);
        }

        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, options);
    }

    private static bool IsTransient(RpcException exception, CallTraits traits) => exception.StatusCode switch
    {
        StatusCode.Unavailable => true,
        StatusCode.DeadlineExceeded => traits.SafeAfterDeadline
            && (traits.CallerDeadline is not { } deadline || DeadlineClock.GetUtcNow().UtcDateTime < deadline),
        StatusCode.ResourceExhausted => ErrorTranslator.ReasonOf(exception) == InteropErrorReasons.RateLimited,
        _ => false,
    };

    private static bool IsRead(IMethod method) =>
        ReadPrefixes.Any(prefix => method.Name.StartsWith(prefix, StringComparison.Ordinal))
        // An acknowledgement never moves a checkpoint back: sending it twice is harmless.
        || method.FullName == "/interop.v1.ChangeFeedService/Acknowledge";
}
