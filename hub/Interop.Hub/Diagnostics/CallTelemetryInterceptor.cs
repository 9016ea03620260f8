using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Hub.Diagnostics;

/// <summary>
/// The outermost interceptor: a service span per call, and the call counted by method, door
/// and final status (after <see cref="Errors.ErrorInterceptor"/> has mapped exceptions).
/// Refusals before any service (credentials, rate limits) are counted where they are written.
/// </summary>
internal sealed class CallTelemetryInterceptor(HubMetrics metrics, TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using var activity = HubActivities.Source.StartActivity(context.Method.TrimStart('/'), ActivityKind.Internal);
        var started = time.GetTimestamp();
        var status = StatusCode.Unknown;
        try
        {
            var response = await continuation(request, context);
            status = context.Status.StatusCode;
            return response;
        }
        catch (RpcException exception)
        {
            status = exception.StatusCode;
            throw;
        }
        finally
        {
            activity?.SetTag("rpc.grpc.status_code", (int)status);
            metrics.RecordCall(context.Method, Door(context), status, time.GetElapsedTime(started));
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using var activity = HubActivities.Source.StartActivity(context.Method.TrimStart('/'), ActivityKind.Internal);
        var status = StatusCode.Unknown;
        try
        {
            await continuation(request, responseStream, context);
            status = context.Status.StatusCode;
        }
        catch (RpcException exception)
        {
            status = exception.StatusCode;
            throw;
        }
        finally
        {
            activity?.SetTag("rpc.grpc.status_code", (int)status);
            metrics.RecordCall(context.Method, Door(context), status, null);
        }
    }

    /// <summary><c>grpc</c>, or <c>http-json</c> for a call through JSON transcoding.</summary>
    public static string Door(HttpContext context) =>
        context.Request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true ? "grpc" : "http-json";

    private static string Door(ServerCallContext context) => Door(context.GetHttpContext());
}
