using Npgsql;

namespace Interop.Hub.Projections;

/// <summary>
/// An <see cref="IChangeProjection"/> that rebuilds itself set-based from what the database holds, in one
/// transaction, instead of replaying the change log page by page (which the runner does for the others).
/// </summary>
/// <remarks>
/// The runner calls <see cref="RebuildAsync"/> in a REPEATABLE READ transaction that holds the projection's
/// checkpoint lock, with the feed head that transaction's snapshot sees, and moves the checkpoint to that head
/// in the same transaction: the incremental projection then carries on from exactly the changes the rebuild
/// did not count. Nothing is counted twice or missed as long as the rebuild counts exactly the changes sequenced
/// up to the head (and what the feed pruned before it).
/// </remarks>
public interface ISnapshotRebuild
{
    /// <summary>Empties the read model and rebuilds it from every change sequenced up to <paramref name="head"/>, inside <paramref name="transaction"/>.</summary>
    Task RebuildAsync(NpgsqlTransaction transaction, long head, CancellationToken cancellationToken);
}
