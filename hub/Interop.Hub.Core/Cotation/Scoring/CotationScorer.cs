using Interop.Hub.Core.Cotation.Criteria;
using Interop.Hub.Core.Cotation.Grids;

namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>
/// Scores an application with a grid: a pure function of the application, the grid, the day and the
/// validations recorded, so the same inputs always give the same score and tests need no clock.
/// </summary>
public static class CotationScorer
{
    /// <summary>Scores with the version of <paramref name="versions"/> in force on <paramref name="day"/>; null when none is.</summary>
    public static CotationScore? ScoreOn(CotationSubject subject, GridVersions versions, DateOnly day, IReadOnlyCollection<CriterionValidation> validations) =>
        versions.InForceOn(day) is { } grid ? Score(subject, grid, day, validations) : null;

    public static CotationScore Score(CotationSubject subject, CotationGrid grid, DateOnly day, IReadOnlyCollection<CriterionValidation> validations)
    {
        var lines = new List<ScoreLine>();
        var rubrics = new List<RubricPoints>();
        foreach (var rubric in grid.Rubrics)
        {
            var points = ScoreRubric(subject, rubric, day, validations, lines);
            rubrics.Add(new RubricPoints(rubric.Id, rubric.Label, points));
        }

        var total = rubrics.Sum(rubric => rubric.Points);
        if (grid.MaxPoints is { } cap && total > cap)
        {
            lines.Add(new ScoreLine(null, null, LineStatus.Capped, cap - total, $"Plafond de la grille : {Wording.Points(cap)} ({Wording.Points(total - cap)} au-delà non comptés)"));
            total = cap;
        }

        return new CotationScore
        {
            Number = subject.Number,
            GridId = grid.GridId,
            GridVersion = grid.Version,
            Day = day,
            Total = total,
            Rubrics = rubrics,
            Lines = lines,
        };
    }

    private static decimal ScoreRubric(CotationSubject subject, Rubric rubric, DateOnly day, IReadOnlyCollection<CriterionValidation> validations, List<ScoreLine> lines)
    {
        var met = new List<(Criterion Criterion, decimal Points, string Text)>();
        foreach (var criterion in rubric.Criteria)
        {
            var result = criterion.Condition.Evaluate(subject, day);
            if (result.State == ConditionState.Unknown)
            {
                lines.Add(new ScoreLine(rubric.Id, criterion.Id, LineStatus.NotEvaluated, 0, $"{criterion.Label} : non évalué, {result.Detail}"));
                continue;
            }

            if (result.State == ConditionState.NotMet)
            {
                continue;
            }

            // The facts behind the line, in parentheses after the label: what the data show, a cap, who validated.
            var facts = new List<string>();
            if (result.Detail.Length > 0)
            {
                facts.Add(result.Detail);
            }

            var points = criterion.Points * result.Units;
            if (criterion.MaxPoints is { } criterionCap && points > criterionCap)
            {
                points = criterionCap;
                facts.Add($"plafonné à {Wording.Points(criterionCap)}");
            }

            if (criterion.NeedsValidation)
            {
                if (ValidationOf(criterion, day, validations) is not { } validation)
                {
                    if (criterion.Condition.RestsOnValidationOnly)
                    {
                        continue;
                    }

                    lines.Add(new ScoreLine(rubric.Id, criterion.Id, LineStatus.AwaitingValidation, 0, $"{Title(criterion, facts)} : {Wording.SignedPoints(points)} en attente de validation ({criterion.ValidationRole})"));
                    continue;
                }

                facts.Add($"validé le {Wording.Date(validation.ValidatedOn)} par {validation.ValidatedBy}, {validation.Role}");
            }

            var title = Title(criterion, facts);
            met.Add((criterion, points, title));
        }

        // « Highest only »: the first of the best criteria in grid order counts, so ties give the same line every time.
        var retained = rubric.Rule == RubricRule.Highest && met.Count > 0
            ? met.First(entry => entry.Points == met.Max(other => other.Points)).Criterion
            : null;
        var sum = 0m;
        foreach (var (criterion, points, text) in met)
        {
            if (retained is not null && !ReferenceEquals(criterion, retained))
            {
                lines.Add(new ScoreLine(rubric.Id, criterion.Id, LineStatus.NotRetained, 0, $"{text} : {Wording.SignedPoints(points)}, non retenu (seul le critère le plus élevé de la rubrique « {rubric.Label} » compte)"));
                continue;
            }

            lines.Add(new ScoreLine(rubric.Id, criterion.Id, LineStatus.Counted, points, $"{text} : {Wording.SignedPoints(points)}"));
            sum += points;
        }

        if (rubric.MaxPoints is { } cap && sum > cap)
        {
            lines.Add(new ScoreLine(rubric.Id, null, LineStatus.Capped, cap - sum, $"Plafond de la rubrique « {rubric.Label} » : {Wording.Points(cap)} ({Wording.Points(sum - cap)} au-delà non comptés)"));
            sum = cap;
        }

        return sum;
    }

    private static string Title(Criterion criterion, List<string> facts) =>
        facts.Count == 0 ? criterion.Label : $"{criterion.Label} ({string.Join(", ", facts)})";

    /// <summary>
    /// The first validation of the criterion by its named role made by <paramref name="day"/>: a criterion
    /// counts from the day it was validated, so a score asked for an earlier day does not count it.
    /// </summary>
    private static CriterionValidation? ValidationOf(Criterion criterion, DateOnly day, IReadOnlyCollection<CriterionValidation> validations) =>
        validations
            .Where(validation => validation.CriterionId == criterion.Id
                && string.Equals(validation.Role, criterion.ValidationRole, StringComparison.OrdinalIgnoreCase)
                && validation.ValidatedOn <= day)
            .OrderBy(validation => validation.ValidatedOn)
            .FirstOrDefault();
}
