using Grpc.Core;

namespace Interop.Hub.Registry;

/// <summary>
/// Who is calling. Until organisations and credentials exist every caller is
/// the same anonymous one; request ids and change records already carry the
/// caller so that nothing changes shape when authentication arrives.
/// </summary>
internal static class Caller
{
    public const string Anonymous = "anonymous";

    public static string Of(ServerCallContext context) => Anonymous;
}
