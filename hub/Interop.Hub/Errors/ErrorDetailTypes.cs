using Google.Protobuf.Reflection;
using Google.Rpc;

namespace Interop.Hub.Errors;

/// <summary>
/// The <c>google.rpc</c> detail messages the hub packs into a <c>google.rpc.Status</c>.
/// A JSON writer needs them to print each detail with its <c>@type</c>: an <c>Any</c> whose
/// type it does not know cannot be written at all.
/// </summary>
internal static class ErrorDetailTypes
{
    public static TypeRegistry Registry { get; } = TypeRegistry.FromMessages(
        ErrorInfo.Descriptor,
        BadRequest.Descriptor,
        ResourceInfo.Descriptor,
        PreconditionFailure.Descriptor,
        QuotaFailure.Descriptor);
}
