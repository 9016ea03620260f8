using System.Globalization;
using Google.Rpc;
using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// ABORTED / <c>REVISION_MISMATCH</c>: the <c>expected_revision</c> sent is not
/// the application's current revision; someone changed it meanwhile. Read the
/// application again, re-apply the change, and send it with the current
/// revision (and a new <c>request_id</c>).
/// </summary>
public sealed class RevisionMismatchException : InteropException
{
    internal RevisionMismatchException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
        ResourceName = details.GetDetail<ResourceInfo>()?.ResourceName ?? "";
        CurrentRevision = Revision(Metadata, "current_revision");
        ExpectedRevision = Revision(Metadata, "expected_revision");
    }

    /// <summary>The application concerned, <c>applications/{number}</c>.</summary>
    public string ResourceName { get; }

    /// <summary>The application's revision at the hub when the call was refused; 0 if the hub did not say.</summary>
    public long CurrentRevision { get; }

    /// <summary>The revision the request expected; 0 if the hub did not say.</summary>
    public long ExpectedRevision { get; }

    private static long Revision(IReadOnlyDictionary<string, string> metadata, string key) =>
        metadata.TryGetValue(key, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
}
