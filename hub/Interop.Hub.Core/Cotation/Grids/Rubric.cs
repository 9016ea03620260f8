namespace Interop.Hub.Core.Cotation.Grids;

/// <summary>A group of criteria of one grid, with its rule and its cap.</summary>
/// <param name="Id">Unique within the grid.</param>
/// <param name="Label">French wording (« Logement actuel »).</param>
/// <param name="MaxPoints">Cap of the rubric, or null for none.</param>
public sealed record Rubric(string Id, string Label, RubricRule Rule, decimal? MaxPoints, IReadOnlyList<Criterion> Criteria);
