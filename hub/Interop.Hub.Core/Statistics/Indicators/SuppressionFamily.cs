namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// Territories whose cells are suppressed together, because their figures
/// add up: the file and its départements, the EPCIs of a département, the
/// communes of an EPCI. Every call that publishes one of them decides over
/// the whole family from the same rows, so each cell gets the same answer
/// whichever member was asked.
/// </summary>
/// <param name="Members">The territory keys (<see cref="TerritoryKeys"/>) decided together.</param>
/// <param name="Whole">A member that is the exact sum of the others (the file over its départements), or null.</param>
/// <param name="Parent">
/// A territory of the family above whose figures cover the members (a département over its EPCIs),
/// decided before them: where it is withheld a member is withheld too, where it is published the members
/// never leave exactly one withheld. Null when none.
/// </param>
/// <param name="Ancestors">For each member, every territory that contains it: a published difference with any of them must not be small.</param>
public sealed record SuppressionFamily(
    IReadOnlyList<string> Members,
    string? Whole,
    string? Parent,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Ancestors)
{
    /// <summary>A territory on its own: no sibling, no ancestor (a reference computation, or a test).</summary>
    public static SuppressionFamily Alone(string territory) => new([territory], null, null, new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>Every territory whose rows the family's decision reads.</summary>
    public IEnumerable<string> Territories => Members.Concat(Ancestors.Values.SelectMany(a => a)).Concat(Parent is null ? [] : [Parent]).Distinct(StringComparer.Ordinal);
}
