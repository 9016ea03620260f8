using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using Interop.Hub.Storage.Cotation;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>The published versions of a grid, read from the database and loaded by the core as they were published.</summary>
internal sealed class GridCatalog(CotationStore store)
{
    /// <summary>The versions of <paramref name="gridId"/>, or null when none was published.</summary>
    public async Task<GridVersions?> FindAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        Load(await store.ListVersionsAsync(connection, gridId, withJson: true, cancellationToken));

    /// <summary>The same, read inside the caller's transaction.</summary>
    public async Task<GridVersions?> FindAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        Load(await store.ListVersionsAsync(transaction, gridId, withJson: true, cancellationToken));

    public async Task<GridVersions> GetAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        await FindAsync(connection, gridId, cancellationToken)
        ?? throw new NotFoundException("interop.v1.GridVersion", GridName.Of(gridId));

    // Every stored file passed the same loader when it was published; loading it again gives the same grid.
    private static GridVersions? Load(IReadOnlyList<GridVersionRow> rows) =>
        rows.Count == 0 ? null : GridVersions.Of(rows.Select(row => GridLoader.Load(row.GridJson)));

    /// <summary>The version in force on <paramref name="day"/>.</summary>
    /// <exception cref="PreconditionException">No version is in force that day.</exception>
    public static CotationGrid InForce(GridVersions versions, DateOnly day) =>
        versions.InForceOn(day)
        ?? throw new PreconditionException(
            ErrorReasons.NoGridInForce,
            GridName.Of(versions.GridId),
            $"No version of grid '{versions.GridId}' is in force on {day:yyyy-MM-dd}.");
}
