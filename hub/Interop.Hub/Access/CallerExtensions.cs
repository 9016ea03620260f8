using Grpc.Core;
using Interop.Hub.Core.Access;

namespace Interop.Hub.Access;

/// <summary>The authenticated caller of a gRPC call.</summary>
internal static class CallerExtensions
{
    public static Principal Caller(this ServerCallContext context) =>
        context.GetHttpContext().Features.Get<Principal>()
        ?? throw new InvalidOperationException("No authenticated caller: the service must require authorization.");

    /// <summary>The caller's address, as recorded in the audit trail.</summary>
    public static string PeerAddress(this ServerCallContext context) => context.Peer ?? "";
}
