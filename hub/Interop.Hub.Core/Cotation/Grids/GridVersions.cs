using Interop.Hub.Core.Errors;

namespace Interop.Hub.Core.Cotation.Grids;

/// <summary>
/// The published versions of one grid, and which one is in force on a day. Immutable: adding a version
/// returns a new set, or refuses when the version would blur which grid scored an application on a
/// given day (same number, same start, dates that overlap, a higher number starting earlier).
/// </summary>
public sealed class GridVersions
{
    private readonly IReadOnlyList<CotationGrid> _byStart;

    private GridVersions(string gridId, string epci, IReadOnlyList<CotationGrid> byStart)
    {
        GridId = gridId;
        Epci = epci;
        _byStart = byStart;
    }

    public string GridId { get; }

    public string Epci { get; }

    /// <summary>Ordered by start date (and so by version number).</summary>
    public IReadOnlyList<CotationGrid> All => _byStart;

    public static GridVersions Of(CotationGrid first) => new(first.GridId, first.Epci, [first]);

    public static GridVersions Of(IEnumerable<CotationGrid> versions)
    {
        GridVersions? set = null;
        foreach (var grid in versions)
        {
            set = set is null ? Of(grid) : set.With(grid);
        }

        return set ?? throw new ArgumentException("At least one version is needed.", nameof(versions));
    }

    /// <exception cref="PreconditionException">The version conflicts with one already there (reason <see cref="ErrorReasons.OverlappingVersion"/>).</exception>
    public GridVersions With(CotationGrid grid)
    {
        var subject = "grids/" + GridId;
        if (grid.GridId != GridId || grid.Epci != Epci)
        {
            throw new PreconditionException(ErrorReasons.OverlappingVersion, subject, $"this set holds grid '{GridId}' of EPCI {Epci}, not '{grid.GridId}' of EPCI {grid.Epci}.");
        }

        foreach (var other in _byStart)
        {
            if (other.Version == grid.Version)
            {
                throw new PreconditionException(ErrorReasons.OverlappingVersion, subject, $"version {grid.Version} of grid '{GridId}' already exists; publish a new version number.");
            }

            var (earlier, later) = other.ValidFrom <= grid.ValidFrom ? (other, grid) : (grid, other);
            if (earlier.ValidFrom == later.ValidFrom || (earlier.ValidUntil is { } until && until >= later.ValidFrom))
            {
                throw new PreconditionException(ErrorReasons.OverlappingVersion, subject, $"versions {earlier.Version} and {later.Version} of grid '{GridId}' would both be in force on {later.ValidFrom:yyyy-MM-dd}.");
            }

            if (earlier.Version > later.Version)
            {
                throw new PreconditionException(ErrorReasons.OverlappingVersion, subject, $"version {later.Version} of grid '{GridId}' would start after version {earlier.Version}: versions start in the order of their numbers.");
            }
        }

        return new GridVersions(GridId, Epci, [.. _byStart.Append(grid).OrderBy(version => version.ValidFrom)]);
    }

    /// <summary>
    /// The version in force on <paramref name="day"/>: the last one started by then, unless its own end
    /// date has passed; null before the first version or in a gap between versions.
    /// </summary>
    public CotationGrid? InForceOn(DateOnly day)
    {
        var started = _byStart.LastOrDefault(version => version.ValidFrom <= day);
        return started is not null && started.Covers(day) ? started : null;
    }
}
