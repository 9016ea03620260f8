using Google.Rpc;
using Grpc.Core;

namespace Interop.Client.Internal;

/// <summary>
/// Turns the hub's answers into the typed exceptions. Transport failures and
/// statuses that carry no answer (UNAVAILABLE, INTERNAL, CANCELLED,
/// DEADLINE_EXCEEDED) stay plain <see cref="RpcException"/>s: there is nothing
/// more to read in them.
/// </summary>
internal static class ErrorTranslator
{
    public static RpcException Translate(RpcException exception)
    {
        if (exception is InteropException)
        {
            return exception;
        }

        var details = ReadDetails(exception);
        var info = details?.GetDetail<ErrorInfo>();
        details ??= new Google.Rpc.Status { Code = (int)exception.StatusCode, Message = exception.Status.Detail };
        var reason = info?.Reason ?? "";
        var message = Message(exception, reason);
        return exception.StatusCode switch
        {
            StatusCode.InvalidArgument => new InvalidArgumentException(exception, details, message),
            StatusCode.NotFound => new NotFoundException(exception, details, message),
            StatusCode.AlreadyExists when reason == InteropErrorReasons.DuplicateApplication => new DuplicateApplicationException(exception, details, message),
            StatusCode.AlreadyExists => new AlreadyExistsException(exception, details, message),
            StatusCode.Aborted when reason == InteropErrorReasons.RevisionMismatch => new RevisionMismatchException(exception, details, message),
            StatusCode.FailedPrecondition when reason == InteropErrorReasons.CheckpointExpired => new CheckpointExpiredException(exception, details, message),
            StatusCode.FailedPrecondition => new PreconditionFailedException(exception, details, message),
            StatusCode.ResourceExhausted => new QuotaExceededException(exception, details, message),
            StatusCode.PermissionDenied => new PermissionDeniedException(exception, details, message),
            StatusCode.Unauthenticated => new UnauthenticatedException(exception, details, message),
            _ when info?.Domain == InteropErrorReasons.Domain => new InteropException(exception, details, message),
            _ => exception,
        };
    }

    /// <summary>The reason of a refusal, when the hub sent an <c>ErrorInfo</c>.</summary>
    public static string? ReasonOf(RpcException exception) =>
        exception is InteropException typed ? typed.Reason : ReadDetails(exception)?.GetDetail<ErrorInfo>()?.Reason;

    /// <summary>The delay a refusal asks for (<c>RetryInfo</c>), if any.</summary>
    public static TimeSpan? RetryDelayOf(RpcException exception) =>
        (exception is InteropException typed ? typed.RpcStatus : ReadDetails(exception))?.GetDetail<RetryInfo>()?.RetryDelay?.ToTimeSpan();

    private static Google.Rpc.Status? ReadDetails(RpcException exception)
    {
        try
        {
            return exception.GetRpcStatus();
        }
        catch (Google.Protobuf.InvalidProtocolBufferException)
        {
            // A proxy's malformed trailer must not hide the status code itself.
            return null;
        }
    }

    private static string Message(RpcException exception, string reason)
    {
        var text = $"{exception.StatusCode}{(reason.Length > 0 ? " / " + reason : "")}: {exception.Status.Detail}";
        return reason == InteropErrorReasons.CheckpointExpired && !exception.Status.Detail.Contains("ListApplications", StringComparison.Ordinal)
            ? text + " " + CheckpointExpiredException.WayBack
            : text;
    }
}
