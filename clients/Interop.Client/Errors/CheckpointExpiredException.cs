using Grpc.Core;

namespace Interop.Client;

/// <summary>
/// FAILED_PRECONDITION / <c>CHECKPOINT_EXPIRED</c>: the subscription's position
/// is older than the feed's retention (<c>Interop:ChangeRetention</c>, 30 days
/// by default), so changes after it are gone. Reconnecting will not help.
/// The way back, which misses nothing: read every page of
/// <c>RegistryService.ListApplications</c> (keeping the same filters for every
/// page), then subscribe again with
/// <see cref="FeedSubscriptionOptions.StartAfterChangeSeq"/> set to the
/// listing's <c>change_seq</c> (some changes may then come twice).
/// </summary>
public sealed class CheckpointExpiredException : PreconditionFailedException
{
    internal const string WayBack =
        "Read every page of RegistryService.ListApplications, then subscribe with StartAfterChangeSeq set to the listing's change_seq.";

    internal CheckpointExpiredException(RpcException source, Google.Rpc.Status details, string message)
        : base(source, details, message)
    {
    }
}
