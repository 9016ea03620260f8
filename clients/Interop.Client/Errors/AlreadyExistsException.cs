using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// ALREADY_EXISTS: what the request would create exists already:
/// <c>NUMBER_TAKEN</c> (an imported number), <c>ORGANIZATION_EXISTS</c>,
/// <c>DESK_TAKEN</c>, or a duplicate household
/// (<see cref="DuplicateApplicationException"/>, a subclass).
/// </summary>
public class AlreadyExistsException : InteropException
{
    internal AlreadyExistsException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        var resource = details.GetDetail<ResourceInfo>();
        ResourceName = resource?.ResourceName ?? "";
        ResourceType = resource?.ResourceType ?? "";
    }

    /// <summary>The resource that exists (<c>ResourceInfo.resource_name</c>), e.g. <c>applications/{number}</c>; empty if the hub did not name it.</summary>
    public string ResourceName { get; }

    /// <summary>Its type (<c>ResourceInfo.resource_type</c>), e.g. <c>interop.v1.Application</c>; empty if the hub did not say.</summary>
    public string ResourceType { get; }
}
