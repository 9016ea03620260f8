using Interop.Hub.Core.Applications;
using Interop.Hub.Storage.Feed;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Feed;

/// <summary>
/// A sequenced change ready to send: the row (for the filters), the
/// application's state when it was read (for the access rules), and the
/// contract messages built once, with and without that state, which every
/// stream sends as they are (they are never changed after this).
/// </summary>
internal sealed class FeedEntry
{
    private FeedEntry(FeedChange change, ApplicationRecord? state, V1.Change withState, V1.Change withoutState, DateTime? committedAt)
    {
        Change = change;
        State = state;
        WithState = withState;
        WithoutState = withoutState;
        CommittedAt = committedAt;
    }

    public FeedChange Change { get; }

    public long ChangeSeq => Change.ChangeSeq;

    /// <summary>The application as read with the page; null when erased or gone.</summary>
    public ApplicationRecord? State { get; }

    public V1.Change WithState { get; }

    public V1.Change WithoutState { get; }

    /// <summary>When its write committed, for the metrics, if a writer of this process knows it (<see cref="CommitInstants"/>).</summary>
    public DateTime? CommittedAt { get; }

    /// <summary>This change with the application's state read with <paramref name="newer"/> (none once erased).</summary>
    public FeedEntry WithStateOf(FeedEntry newer) => Create(Change, newer.State, CommittedAt);

    public static FeedEntry Create(FeedChange change, ApplicationRecord? state, DateTime? committedAt = null)
    {
        var shown = state is { Status: not ApplicationStatus.Erased } ? state : null;
        var withoutState = ChangeMapper.ToProto(change, null);
        var withState = shown is null ? withoutState : ChangeMapper.ToProto(change, Registry.ApplicationMapper.ToProto(shown));
        return new FeedEntry(change, shown, withState, withoutState, committedAt);
    }
}
