using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// ALREADY_EXISTS / <c>DUPLICATE_APPLICATION</c>: the household already has an
/// active application in the département (one household, one application per
/// département). Nothing was registered; work on the existing application
/// instead.
/// </summary>
public sealed class DuplicateApplicationException : AlreadyExistsException
{
    internal DuplicateApplicationException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        var named = details.Details
            .Where(any => any.Is(ResourceInfo.Descriptor))
            .Select(any => any.Unpack<ResourceInfo>())
            .Select(resource => new ExistingApplication(resource.ResourceName, resource.Description))
            .ToList();
        if (named.Count == 0 && Metadata.TryGetValue("existing_applications", out var list))
        {
            named = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(name => new ExistingApplication(name, ""))
                .ToList();
        }

        ExistingApplications = named;
    }

    /// <summary>The existing applications of the household, at least one, each with the matching's explanation.</summary>
    public IReadOnlyList<ExistingApplication> ExistingApplications { get; }
}
