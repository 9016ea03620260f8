using System.Collections.Concurrent;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using Interop.Hub.Storage.Cotation;
using Npgsql;

namespace Interop.Hub.Cotation;

/// <summary>The published versions of a grid, read from the database and loaded by the core as they were published.</summary>
internal sealed class GridCatalog(CotationStore store)
{
    // A published file is never changed, so its loaded form is kept; keyed by the text itself, since a
    // publication rolled back may leave its version number to another file.
    private readonly ConcurrentDictionary<string, CotationGrid> loaded = new(StringComparer.Ordinal);

    /// <summary>Every published grid with its versions: the grids an application may be scored with.</summary>
    public async Task<IReadOnlyList<GridVersions>> AllAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Group(await store.ListAllVersionsAsync(connection, cancellationToken));

    /// <summary>The same, read inside the caller's transaction.</summary>
    public async Task<IReadOnlyList<GridVersions>> AllAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Group(await store.ListAllVersionsAsync(transaction, cancellationToken));

    /// <summary>The versions of <paramref name="gridId"/>, or null when none was published.</summary>
    public async Task<GridVersions?> FindAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        Load(await store.ListVersionsAsync(connection, gridId, withJson: true, cancellationToken));

    /// <summary>The same, read inside the caller's transaction.</summary>
    public async Task<GridVersions?> FindAsync(NpgsqlTransaction transaction, string gridId, CancellationToken cancellationToken) =>
        Load(await store.ListVersionsAsync(transaction, gridId, withJson: true, cancellationToken));

    private CotationGrid Load(GridVersionRow row) =>
        loaded.GetOrAdd(row.GridJson, json => GridLoader.Load(json));

    public async Task<GridVersions> GetAsync(NpgsqlConnection connection, string gridId, CancellationToken cancellationToken) =>
        await FindAsync(connection, gridId, cancellationToken)
        ?? throw new NotFoundException("interop.v1.GridVersion", GridName.Of(gridId));

    // Every stored file passed the same loader when it was published; loading it again gives the same grid.
    private GridVersions? Load(IReadOnlyList<GridVersionRow> rows) =>
        rows.Count == 0 ? null : GridVersions.Of(rows.Select(Load));

    private List<GridVersions> Group(IReadOnlyList<GridVersionRow> rows) =>
        [.. rows.GroupBy(row => row.GridId, StringComparer.Ordinal).Select(versions => GridVersions.Of(versions.Select(Load)))];

    /// <summary>The version in force on <paramref name="day"/>.</summary>
    /// <exception cref="PreconditionException">No version is in force that day.</exception>
    public static CotationGrid InForce(GridVersions versions, DateOnly day) =>
        versions.InForceOn(day)
        ?? throw new PreconditionException(
            ErrorReasons.NoGridInForce,
            GridName.Of(versions.GridId),
            $"No version of grid '{versions.GridId}' is in force on {day:yyyy-MM-dd}.");
}
