using System.Security.Cryptography;
using System.Text;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// Request ids derived from what the ERP already knows (RFC 4122 version 5: SHA-1 of a namespace and a name),
/// so pushing the same ERP change again after a crash sends the same <c>request_id</c> and the hub
/// replays its first answer instead of registering twice.
/// </summary>
public static class RequestIds
{
    // Fixed forever: changing it would give every replayed change a new id after an upgrade.
    private static readonly Guid Namespace = new("6f1c2a8e-4d3b-5e7f-9a0b-1c2d3e4f5a6b");

    /// <summary>The request id of ERP change <paramref name="erpChangeId"/> of <paramref name="organizationId"/>, sent with <paramref name="expectedRevision"/> (0 for a registration).</summary>
    /// <remarks>
    /// The revision is part of the name because after a <c>REVISION_MISMATCH</c> the change is re-applied
    /// to a newer revision, which is another request for the hub (same id, other content would be <c>REQUEST_ID_REUSED</c>).
    /// </remarks>
    public static string For(string organizationId, string erpChangeId, long expectedRevision = 0)
    {
        var name = Encoding.UTF8.GetBytes($"{organizationId}\n{erpChangeId}\n{expectedRevision}");
        var input = new byte[16 + name.Length];
        Namespace.TryWriteBytes(input, bigEndian: true, out _);
        name.CopyTo(input, 16);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true).ToString();
    }
}
