namespace Interop.Hub.Core.Matching;

/// <summary>The fields the matcher compares; each contributes one weight to the total.</summary>
public enum MatchField
{
    Surname,
    FirstNames,
    BirthDate,
    Sex,
    BirthPlace,
    Nir,
    Nationality,
    Email,
    Phone,
    Address,
    Postcode,
    Commune,
    CoApplicant,
}
