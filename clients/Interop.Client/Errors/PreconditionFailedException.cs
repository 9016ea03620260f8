using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// FAILED_PRECONDITION: the state of the resource forbids the call now.
/// <see cref="InteropException.Reason"/> says which rule:
/// <c>ILLEGAL_TRANSITION</c> (the life cycle; the message says what is
/// allowed and from when), <c>ATTRIBUTED_ELSEWHERE</c> (another landlord holds
/// the lease; reading again will not help), or <c>CHECKPOINT_EXPIRED</c>
/// (<see cref="CheckpointExpiredException"/>, a subclass).
/// </summary>
public class PreconditionFailedException : InteropException
{
    internal PreconditionFailedException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        var violation = details.GetDetail<PreconditionFailure>()?.Violations.FirstOrDefault();
        Subject = violation?.Subject ?? "";
        Description = violation?.Description is { Length: > 0 } description ? description : source.Status.Detail;
    }

    /// <summary>What the precondition is about, e.g. <c>applications/{number}</c> or <c>organizations/{id}/subscriptions/{id}</c>; empty if the hub did not say.</summary>
    public string Subject { get; }

    /// <summary>The hub's explanation: what is allowed, and from when.</summary>
    public string Description { get; }
}
