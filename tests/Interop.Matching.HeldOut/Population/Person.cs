namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// One real person of the synthetic population: the identity as on their papers, and the contacts they give at
/// their first application (later applications may carry a move or new contacts).
/// </summary>
internal sealed class Person
{
    public required int Id { get; init; }

    public required char Sex { get; init; }

    /// <summary>Given names in civil-status order, compounds with their hyphen (<c>Jean-Pierre</c>).</summary>
    public required IReadOnlyList<string> FirstNames { get; init; }

    public required string BirthSurname { get; init; }

    /// <summary>The husband's surname a married or widowed woman uses; null when she uses her birth name.</summary>
    public string? SpouseSurname { get; set; }

    public bool Widowed { get; set; }

    public required DateOnly BirthDate { get; init; }

    public required BirthPlace BirthPlace { get; init; }

    /// <summary>ISO 3166 alpha-2.</summary>
    public required string Nationality { get; init; }

    public required Contacts Contacts { get; set; }

    /// <summary>How many applications of this person the set holds (1 = no duplicate).</summary>
    public int Applications { get; set; } = 1;

    /// <summary>True when she married between her first and later applications (her use name changed).</summary>
    public bool MarriedBetweenApplications { get; set; }

    public string UseSurname => SpouseSurname ?? BirthSurname;
}
