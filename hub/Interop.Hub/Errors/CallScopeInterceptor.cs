using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace Interop.Hub.Errors;

/// <summary>
/// Puts the call's method, caller and request id in the logging scope, so
/// every line logged while serving a mutation can be traced back to the
/// request an ERP sent (Serilog turns the scope into properties).
/// </summary>
internal sealed class CallScopeInterceptor(ILogger<CallScopeInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        using (logger.BeginScope(Scope(request, context)))
        {
            return await continuation(request, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        using (logger.BeginScope(Scope(request, context)))
        {
            await continuation(request, responseStream, context);
        }
    }

    private static Dictionary<string, object> Scope(object request, ServerCallContext context)
    {
        var scope = new Dictionary<string, object>
        {
            ["GrpcMethod"] = context.Method,
            ["Caller"] = context.GetHttpContext().Features.Get<Interop.Hub.Core.Access.Principal>()?.OrganizationId ?? "anonymous",
        };
        if (request is IMessage message && message.Descriptor.FindFieldByName("request_id") is { } field
            && field.Accessor.GetValue(message) is string { Length: > 0 } requestId)
        {
            scope["RequestId"] = requestId;
        }

        return scope;
    }
}
