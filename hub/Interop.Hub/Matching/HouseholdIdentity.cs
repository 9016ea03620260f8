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
        BirthPlace = applicant.BirthCommuneCode.Length > 0 ? applicant.BirthCommuneCode : applicant.BirthPlaceText,
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
