using Interop.Hub.Projections;
using Interop.Hub.Storage.Cotation;
using Interop.Hub.Storage.Projections;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>
/// The stored scores as a read model of the change log: every change of an application (a registration,
/// an update, an import, a line of an exchange file, a radiation, a validation) rescores it with every
/// grid, in the transaction that advances the projection's checkpoint.
/// </summary>
/// <remarks>
/// Rescoring reads the application as it is now, not as the change left it, and writes its score with
/// the revision read: replaying a page after a crash rewrites the same rows, so nothing counts twice.
/// </remarks>
internal sealed class CotationProjection(StoredScores storedScores, ScoreStore scores, GridCatalog catalog) : IChangeProjection
{
    public string Name => "cotation-scores";

    public Task ApplyAsync(NpgsqlTransaction transaction, IReadOnlyList<ProjectedChange> changes, CancellationToken cancellationToken) =>
        storedScores.RescoreAsync(transaction, changes.Select(change => change.ApplicationNumber).Distinct(StringComparer.Ordinal).ToList(), cancellationToken);

    /// <summary>
    /// A rebuild asks for a rescoring of every grid's whole territory, not only a replay into an empty table:
    /// retention has pruned the changes of applications that have not changed for a month. The rescoring
    /// job scores the territories after the commit, a page per transaction; the replay brings the rest up
    /// to date, in any order with it (a score from an older revision never replaces a newer one).
    /// </summary>
    public async Task ResetAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await scores.DeleteAllAsync(transaction, cancellationToken);
        foreach (var versions in await catalog.AllAsync(transaction, cancellationToken))
        {
            await storedScores.RequestTerritoryAsync(transaction, versions.GridId, cancellationToken);
        }
    }
}
