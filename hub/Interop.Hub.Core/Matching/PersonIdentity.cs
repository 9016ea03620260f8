namespace Interop.Hub.Core.Matching;

/// <summary>
/// What the matcher knows of one person, as typed by a registering desk. Every field may be empty:
/// matching uses what is there and says so in its explanation.
/// </summary>
public sealed record PersonIdentity
{
    /// <summary>The caller's identifier (an application number, a CSV record id); carried into results.</summary>
    public string Id { get; init; } = "";

    /// <summary>Nom d'usage; may carry the birth name as "X épouse Y", "X née Y" or "X veuve Y".</summary>
    public string LastName { get; init; } = "";

    /// <summary>Nom de naissance; empty when it is the use name or unknown.</summary>
    public string BirthName { get; init; } = "";

    /// <summary>Prénoms in civil-status order; a compound first name keeps its hyphen ("Jean-Pierre").</summary>
    public IReadOnlyList<string> FirstNames { get; init; } = [];

    /// <summary>"M", "F" or empty.</summary>
    public string Sex { get; init; } = "";

    /// <summary>"YYYY-MM-DD" or "YYYYMMDD"; an impossible date is kept, since its digits still match a typo of them.</summary>
    public string BirthDate { get; init; } = "";

    /// <summary>INSEE code (current or former) or commune name; abroad, the INSEE country code 99xxx or a name.</summary>
    public string BirthPlace { get; init; } = "";

    /// <summary>ISO 3166 alpha-2 code.</summary>
    public string Nationality { get; init; } = "";

    /// <summary>NIR when known, or another national personal identifier for foreign data sets.</summary>
    public string Nir { get; init; } = "";

    public string Email { get; init; } = "";

    public string Phone { get; init; } = "";

    /// <summary>Street line(s) of the current address.</summary>
    public string Address { get; init; } = "";

    public string Postcode { get; init; } = "";

    /// <summary>Commune of the current address (name).</summary>
    public string Commune { get; init; } = "";

    /// <summary>The co-applicant of the application, when there is one (only its names and birth date are used).</summary>
    public PersonIdentity? CoApplicant { get; init; }
}
