using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// PERMISSION_DENIED: the caller's organisation may not do this, or may not
/// see this application (the same answer whether it exists or not).
/// </summary>
public sealed class PermissionDeniedException : InteropException
{
    internal PermissionDeniedException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
    }
}
