using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Client.Internal;

/// <summary>
/// What every call of the client goes through. Unary calls: request id,
/// deadline, credentials, retries and typed errors (<see cref="CallPolicy"/>).
/// Streams: credentials and typed errors only, no deadline and no retry
/// (resuming a feed is <see cref="FeedSubscription"/>'s job).
/// </summary>
internal sealed class InteropCallInterceptor(CallPolicy policy) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation)
    {
        var state = new UnaryCallState<TResponse>();
        var response = policy.ExecuteAsync(request, context, (r, c) => state.Start(continuation(r, c)));
        return new AsyncUnaryCall<TResponse>(response, state.HeadersAsync(response), state.GetStatus, state.GetTrailers, state.Dispose);
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, BlockingUnaryCallContinuation<TRequest, TResponse> continuation) =>
        policy.ExecuteAsync(request, context, (r, c) => Task.FromResult(continuation(r, c))).GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        var call = continuation(request, policy.ForAttempt(context, withDeadline: false));
        return new AsyncServerStreamingCall<TResponse>(
            new TranslatingStreamReader<TResponse>(call.ResponseStream), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncClientStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(policy.ForAttempt(context, withDeadline: false));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context, AsyncDuplexStreamingCallContinuation<TRequest, TResponse> continuation)
    {
        // Bulk onboarding: a refusal that ends the stream reads as the typed exception, as in the feed.
        var call = continuation(policy.ForAttempt(context, withDeadline: false));
        return new AsyncDuplexStreamingCall<TRequest, TResponse>(
            call.RequestStream, new TranslatingStreamReader<TResponse>(call.ResponseStream), call.ResponseHeadersAsync, call.GetStatus, call.GetTrailers, call.Dispose);
    }
}
