namespace Interop.Hub.Core.Cotation.Grids;

/// <summary>
/// One version of an EPCI's scoring grid, as loaded from its file by <see cref="Loading.GridLoader"/>:
/// complete and consistent, or not built at all.
/// </summary>
public sealed record CotationGrid
{
    /// <summary>Stable identifier of the grid across its versions (<c>lyon-premiere-demande</c>).</summary>
    public required string GridId { get; init; }

    public required string Title { get; init; }

    /// <summary>SIREN of the EPCI that owns the grid: 9 digits.</summary>
    public required string Epci { get; init; }

    /// <summary>Name of the territory the grid covers (the whole EPCI, or part of it).</summary>
    public required string TerritoryName { get; init; }

    /// <summary>INSEE codes of the communes where the grid applies.</summary>
    public required IReadOnlySet<string> Communes { get; init; }

    /// <summary>1, 2, …: higher versions start later.</summary>
    public required int Version { get; init; }

    /// <summary>First day the version is in force (French calendar).</summary>
    public required DateOnly ValidFrom { get; init; }

    /// <summary>Last day the version is in force, or null until the next version starts.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Cap of the total score, or null for none.</summary>
    public decimal? MaxPoints { get; init; }

    public required IReadOnlyList<Rubric> Rubrics { get; init; }

    /// <summary>Whether the version's own dates cover <paramref name="day"/> (a later version may still replace it).</summary>
    public bool Covers(DateOnly day) => day >= ValidFrom && (ValidUntil is null || day <= ValidUntil);

    public IEnumerable<Criterion> AllCriteria => Rubrics.SelectMany(rubric => rubric.Criteria);
}
