using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Matching;

namespace Interop.Hub.Matching;

/// <summary>What the matcher compares of an application: its applicant, with the co-applicant alongside.</summary>
internal static class HouseholdIdentity
{
    public static PersonIdentity Of(string id, Person applicant, Person? coApplicant) => new()
    {
        Id = id,
        LastName = applicant.LastName,
        BirthName = applicant.BirthName,
        FirstNames = applicant.FirstNames,
        Sex = applicant.Sex switch { Sex.Male => "M", Sex.Female => "F", _ => "" },
        BirthDate = applicant.BirthDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "",
        BirthPlace = BirthPlaceOf(applicant),
        Nationality = NationalityOf(applicant.NationalityClass),
        Nir = applicant.Nir,
        Email = applicant.Contact.Email,
        Phone = applicant.Contact.Phone,
        Address = string.Join(' ', applicant.Contact.AddressLines),
        Postcode = applicant.Contact.PostalCode,
        Commune = applicant.Contact.City,
        CoApplicant = coApplicant is null ? null : Of(id + "/co", coApplicant, null),
    };

    /// <summary>
    /// The commune or country code as the matcher's birth place: both are INSEE codes of one space
    /// (the country codes all start with 99, which is no département), so the matcher tells a
    /// birth in Morocco (99350) from one in Lyon (69123) and two births in Morocco agree.
    /// </summary>
    internal static string BirthPlaceOf(Person person) =>
        person.BirthCommuneCode.Length > 0 ? person.BirthCommuneCode
        : person.BirthCountryCode.Length > 0 ? person.BirthCountryCode
        : person.BirthPlaceText;

    /// <summary>
    /// The contract carries a nationality class, not a country (SNE's three classes), so the hub
    /// compares classes; both sides of every comparison come through here, so they never meet an ISO code.
    /// </summary>
    internal static string NationalityOf(NationalityClass nationality) => nationality switch
    {
        NationalityClass.French => "FR",
        NationalityClass.EuropeanUnion => "UE",
        NationalityClass.OutsideEuropeanUnion => "HORS-UE",
        _ => "",
    };

    public static PersonIdentity Of(ApplicationRecord application) =>
        Of(application.Number, application.Household!.Applicant, application.Household.CoApplicant);
}
