using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// INVALID_ARGUMENT: the request was refused as it stands; sending it again
/// will not help. <see cref="InteropException.Reason"/> is
/// <c>INVALID_ARGUMENT</c> (every bad field is named at once) or
/// <c>REQUEST_ID_REUSED</c> (a <c>request_id</c> came back with a different
/// request; the violation names <c>request_id</c>).
/// </summary>
public sealed class InvalidArgumentException : InteropException
{
    internal InvalidArgumentException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        FieldViolations = details.GetDetail<BadRequest>()?.FieldViolations.Select(v => new FieldViolation(v.Field, v.Description)).ToList()
            ?? [];
    }

    /// <summary>Every bad field with what is wrong with it (<c>BadRequest.field_violations</c>); empty if the hub named none.</summary>
    public IReadOnlyList<FieldViolation> FieldViolations { get; }
}
