using Interop.Hub.Core.Cotation.Criteria;

namespace Interop.Hub.Core.Cotation.Grids;

/// <summary>One line of a grid: a condition on the application and the points it is worth.</summary>
/// <param name="Id">Unique within the grid; validations name the criterion by it.</param>
/// <param name="Label">The wording the applicant reads, in French.</param>
/// <param name="Points">Points when met; for seniority, the points of one month.</param>
/// <param name="Condition">What the application must show.</param>
/// <param name="MaxPoints">Cap of this criterion alone (seniority), or null.</param>
/// <param name="ValidationRole">
/// The role that must validate the criterion before it counts (« travailleur social »), or null when
/// the application's data alone decide.
/// </param>
public sealed record Criterion(string Id, string Label, decimal Points, ICriterionCondition Condition, decimal? MaxPoints, string? ValidationRole)
{
    public bool NeedsValidation => ValidationRole is not null;
}
