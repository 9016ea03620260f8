using Google.Protobuf;
using Grpc.Core;
using Interop.Hub.Core.Errors;

namespace Interop.Hub.Access;

/// <summary>
/// Writes a gRPC "trailers-only" answer from middleware (authentication,
/// rate limiting) that runs before any gRPC service: HTTP 200 with
/// <c>grpc-status</c>, <c>grpc-message</c> and the <c>google.rpc.Status</c>
/// details in the headers. A bare HTTP 401 or 429 would reach clients as a
/// vague UNAUTHENTICATED or UNAVAILABLE without a reason.
/// </summary>
internal static class GrpcStatusResponse
{
    public static Task WriteAsync(HttpContext context, StatusCode code, string reason, string message, IMessage? detail = null)
    {
        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain }));
        if (detail is not null)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(detail));
        }

        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }
}
