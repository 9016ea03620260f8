namespace Interop.Hub.Core.Access;

/// <summary>
/// The territories whose aggregates an organisation may read: every one, or
/// some départements (with all their communes) and some communes. Aggregates
/// only: nothing nominative is ever read through it.
/// </summary>
public sealed record StatisticsScope
{
    public static readonly StatisticsScope Everything = new() { All = true };

    public static readonly StatisticsScope Nothing = new();

    public bool All { get; init; }

    public IReadOnlyList<string> Departements { get; init; } = [];

    public IReadOnlyList<string> CommuneCodes { get; init; } = [];

    public bool IsEmpty => !All && Departements.Count == 0 && CommuneCodes.Count == 0;

    public bool CoversDepartement(string departement) => All || Departements.Contains(departement);

    public bool CoversCommune(string communeCode) =>
        All || CommuneCodes.Contains(communeCode) || (Numbering.Departements.OfCommune(communeCode) is { } d && Departements.Contains(d));
}
