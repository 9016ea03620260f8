using Google.Protobuf;
using Grpc.Core;
using Interop.Hub.Core.Errors;
using Interop.Hub.Diagnostics;
using Interop.Hub.Errors;

namespace Interop.Hub.Access;

/// <summary>
/// Writes a refusal from middleware (authentication, rate limiting) that runs
/// before any gRPC service. To a gRPC caller: a "trailers-only" answer, HTTP 200
/// with <c>grpc-status</c>, <c>grpc-message</c> and the <c>google.rpc.Status</c>
/// details in the headers (a bare HTTP 401 or 429 would reach gRPC clients as a
/// vague UNAUTHENTICATED or UNAVAILABLE without a reason). To an HTTP/JSON caller:
/// the HTTP status of the code and the same <c>google.rpc.Status</c> as JSON, as
/// the transcoded calls answer their own errors.
/// </summary>
internal static class GrpcStatusResponse
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(ErrorDetailTypes.Registry));

    public static Task WriteAsync(HttpContext context, StatusCode code, string reason, string message, IMessage? detail = null)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<Grpc.AspNetCore.Server.GrpcMethodMetadata>() is { } grpcMethod)
        {
            context.RequestServices.GetRequiredService<HubMetrics>().RecordCall(grpcMethod.Method.FullName, CallTelemetryInterceptor.Door(context), code, null);
        }

        var status = new Google.Rpc.Status { Code = (int)code, Message = message };
        status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.ErrorInfo { Reason = reason, Domain = ErrorReasons.Domain }));
        if (detail is not null)
        {
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(detail));
        }

        var response = context.Response;
        if (!IsGrpc(context.Request))
        {
            response.StatusCode = HttpStatus(code);
            if (code == StatusCode.Unauthenticated)
            {
                response.Headers.WWWAuthenticate = "Bearer";
            }

            response.ContentType = "application/json; charset=utf-8";
            return response.WriteAsync(Json.Format(status), context.RequestAborted);
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = Uri.EscapeDataString(message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
        return Task.CompletedTask;
    }

    private static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    // The codes middleware refuses with, mapped as gRPC JSON transcoding maps them.
    private static int HttpStatus(StatusCode code) => code switch
    {
        StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
        StatusCode.PermissionDenied => StatusCodes.Status403Forbidden,
        StatusCode.ResourceExhausted => StatusCodes.Status429TooManyRequests,
        StatusCode.Unavailable => StatusCodes.Status503ServiceUnavailable,
        _ => StatusCodes.Status500InternalServerError,
    };
}
