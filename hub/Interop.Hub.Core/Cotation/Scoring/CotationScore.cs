using System.Text;

namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>The score of one application on one day, with the grid version used and why.</summary>
public sealed record CotationScore
{
    public required string Number { get; init; }

    public required string GridId { get; init; }

    public required int GridVersion { get; init; }

    /// <summary>The day the score is for: seniority and ages are counted to it.</summary>
    public required DateOnly Day { get; init; }

    public required decimal Total { get; init; }

    public required IReadOnlyList<RubricPoints> Rubrics { get; init; }

    /// <summary>Every criterion met, awaiting validation or not evaluable, then caps; unmet criteria have no line.</summary>
    public required IReadOnlyList<ScoreLine> Lines { get; init; }

    /// <summary>The explanation as the applicant reads it: one line per criterion, then the total.</summary>
    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            text.AppendLine(line.Text);
        }

        text.Append("Total : ").Append(Wording.Points(Total))
            .Append(" (grille « ").Append(GridId).Append(" », version ").Append(GridVersion)
            .Append(", au ").Append(Wording.Date(Day)).Append(')');
        return text.ToString();
    }
}
