namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>One line of a score's explanation; the points of all lines add up to the total.</summary>
/// <param name="RubricId">The rubric, or null for the grid's own cap.</param>
/// <param name="CriterionId">The criterion, or null for a cap line.</param>
/// <param name="Points">What the line adds to the total: 0 unless counted, negative for a cap.</param>
/// <param name="Text">French, for the applicant: « Suroccupation (5 personnes pour 2 pièces) : +40 points ».</param>
public sealed record ScoreLine(string? RubricId, string? CriterionId, LineStatus Status, decimal Points, string Text)
{
    public override string ToString() => Text;
}
