using Interop.Hub.Storage.Projections;
using Npgsql;

namespace Interop.Hub.Projections;

/// <summary>
/// A read model kept current from the sequenced change log (stored scores, pre-aggregated statistics).
/// Register it in DI as <see cref="IChangeProjection"/>; the <see cref="ProjectionRunner"/> feeds it.
/// </summary>
/// <remarks>
/// Exactly once: <see cref="ApplyAsync"/> runs in the transaction that advances the projection's
/// checkpoint, so a crash or a failed page leaves both as they were and the page is applied again
/// whole. A projection therefore writes only through the transaction it is given, and must not
/// commit it.
/// </remarks>
public interface IChangeProjection
{
    /// <summary>A stable name: the key of its checkpoint row. Changing it rebuilds the projection.</summary>
    string Name { get; }

    /// <summary>Applies one page of changes, in change_seq order, inside <paramref name="transaction"/>.</summary>
    Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<ProjectedChange> changes, CancellationToken cancellationToken);

    /// <summary>Empties the read model before a rebuild replays the change log from the start (same transaction as the checkpoint's reset).</summary>
    Task ResetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
