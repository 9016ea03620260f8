using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// UNAUTHENTICATED: no API key, or a malformed, unknown, expired or revoked
/// one; the message says which. Not retried: ask a hub administrator for a key.
/// </summary>
public sealed class UnauthenticatedException : InteropException
{
    internal UnauthenticatedException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
    }
}
