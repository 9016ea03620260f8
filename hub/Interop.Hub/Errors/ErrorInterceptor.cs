using Grpc.Core;
using Grpc.Core.Interceptors;
using Interop.Hub.Core.Errors;
using Npgsql;

namespace Interop.Hub.Errors;

/// <summary>
/// Turns every failure of a call into a clear status: domain refusals through
/// <see cref="DomainErrorMapper"/>, a database that cannot be reached into
/// UNAVAILABLE (the client may retry with the same request id), a caller that went away into
/// CANCELLED logged at Debug, anything else
/// into INTERNAL with the details logged here and not sent.
/// </summary>
internal sealed class ErrorInterceptor(ILogger<ErrorInterceptor> logger) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context);
        }
        catch (Exception exception) when (exception is not RpcException)
        {
            throw Translate(exception, context);
        }
    }

    private RpcException Translate(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case DomainException domain:
                ErrorsLog.Refused(logger, context.Method, domain.Reason, domain.Message);
                return DomainErrorMapper.ToRpcException(domain);
            case OperationCanceledException or IOException or InvalidOperationException when context.CancellationToken.IsCancellationRequested:
                // The caller went away (cancelled, reset its stream, closed its connection): a read or write of
                // the call then fails with one of these, as grpc-dotnet documents. Nothing for an operator.
                ErrorsLog.CallerGone(logger, exception, context.Method);
                return new RpcException(new Status(StatusCode.Cancelled, "The call was cancelled."));
            case NpgsqlException { IsTransient: true } database:
                ErrorsLog.DatabaseUnavailable(logger, database, context.Method);
                return new RpcException(new Status(StatusCode.Unavailable, "The database is unavailable; retry with the same request id."));
            default:
                ErrorsLog.Unexpected(logger, exception, context.Method);
                return new RpcException(new Status(StatusCode.Internal, "Internal error; it has been logged."));
        }
    }
}
