using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// A refusal of the hub, read from the <c>google.rpc.Status</c> it sends in
/// <c>grpc-status-details-bin</c>. It is an <see cref="RpcException"/>, so
/// existing <c>catch (RpcException)</c> blocks and status-code checks keep
/// working; the subclasses carry each refusal's details. Branch on
/// <see cref="Reason"/> (see <see cref="InteropErrorReasons"/>), never on the message.
/// </summary>
public class InteropException : RpcException
{
    internal InteropException(RpcException source, Google.Rpc.Status details, string message)
        : base(source.Status, source.Trailers, message)
    {
        RpcStatus = details;
        var info = details.GetDetail<ErrorInfo>();
        Reason = info?.Reason is { Length: > 0 } reason ? reason : DefaultReason(source.StatusCode);
        Domain = info?.Domain ?? "";
        Metadata = info is null
            ? new Dictionary<string, string>()
            : new Dictionary<string, string>(info.Metadata);
    }

    /// <summary>
    /// The stable reason of the refusal (<c>ErrorInfo.reason</c>), e.g.
    /// <c>REVISION_MISMATCH</c>; when the hub sent no <c>ErrorInfo</c>, the
    /// status code's name in upper snake case (<c>NOT_FOUND</c>).
    /// </summary>
    public string Reason { get; }

    /// <summary>The domain of the reason: <c>interop</c> for the hub's refusals; empty when no <c>ErrorInfo</c> came.</summary>
    public string Domain { get; }

    /// <summary>The <c>ErrorInfo.metadata</c> of the refusal (e.g. <c>current_revision</c>); empty when there is none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>The whole <c>google.rpc.Status</c> as sent, with every detail message.</summary>
    public Google.Rpc.Status RpcStatus { get; }

    /// <summary>
    /// The typed exception for a refusal of the hub received some other way
    /// (e.g. over a raw channel with <see cref="ApiKeyCredentials.Over"/>);
    /// the exception itself when it carries no answer (UNAVAILABLE, INTERNAL,
    /// CANCELLED, DEADLINE_EXCEEDED…). Calls made through
    /// <see cref="InteropClient"/> already throw the typed exceptions.
    /// </summary>
    public static RpcException From(RpcException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return Internal.ErrorTranslator.Translate(exception);
    }

    private static string DefaultReason(StatusCode code) => code switch
    {
        StatusCode.InvalidArgument => InteropErrorReasons.InvalidArgument,
        StatusCode.NotFound => InteropErrorReasons.NotFound,
        StatusCode.PermissionDenied => InteropErrorReasons.PermissionDenied,
        StatusCode.Unauthenticated => InteropErrorReasons.Unauthenticated,
        StatusCode.AlreadyExists => "ALREADY_EXISTS",
        StatusCode.FailedPrecondition => "FAILED_PRECONDITION",
        StatusCode.ResourceExhausted => "RESOURCE_EXHAUSTED",
        StatusCode.Aborted => "ABORTED",
        _ => code.ToString().ToUpperInvariant(),
    };
}
