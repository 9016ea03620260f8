using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// NOT_FOUND: no such resource. Only callers who may see every application
/// get it for an application; others get <see cref="PermissionDeniedException"/>
/// whether it exists or not.
/// </summary>
public sealed class NotFoundException : InteropException
{
    internal NotFoundException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        var resource = details.GetDetail<ResourceInfo>();
        ResourceName = resource?.ResourceName ?? "";
        ResourceType = resource?.ResourceType ?? "";
    }

    /// <summary>The resource looked for, e.g. <c>applications/{number}</c>; empty if the hub did not say.</summary>
    public string ResourceName { get; }

    /// <summary>Its type, e.g. <c>interop.v1.Application</c>; empty if the hub did not say.</summary>
    public string ResourceType { get; }
}
