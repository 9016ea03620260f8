namespace Interop.Hub.Core.Matching;

/// <summary>
/// The comparison of two people: the decision, the total weight in bits, each field's level and
/// weight, and notes on rules that overrode the sum (swapped names, family vetoes, operator decisions).
/// </summary>
public sealed record MatchResult(
    string LeftId,
    string RightId,
    MatchOutcome Outcome,
    double Total,
    IReadOnlyList<FieldComparison> Fields,
    IReadOnlyList<string> Notes)
{
    /// <summary>A human-readable explanation in French, one field per line, then the notes and the decision.</summary>
    public string Explanation => Explanations.Render(this);
}
