using Interop.Contracts.V1;
using Interop.Hub.Core.Numbering;
using CoreSex = Interop.Hub.Core.Applications.Sex;

namespace Interop.Benchmarks;

/// <summary>A synthetic applicant as a caller sends it: FindMatches' person, or the applicant of a registration.</summary>
internal static class SyntheticContract
{
    public static Person PersonOf(SyntheticApplicant person) => new()
    {
        LastName = person.LastName,
        BirthName = person.BirthName,
        FirstNames = { person.FirstNames },
        Sex = person.Sex == CoreSex.Male ? Sex.Male : Sex.Female,
        BirthDate = new Google.Type.Date { Year = person.BirthDate.Year, Month = person.BirthDate.Month, Day = person.BirthDate.Day },
        BirthPlace = BirthPlaceOf(person.BirthCommune),
        NationalityClass = NationalityClass.French,
        Contact = new Contact
        {
            Email = person.Email,
            Phone = person.Phone,
            Address = new PostalAddress { Lines = { person.Street }, PostalCode = person.Postcode, City = person.City },
        },
    };

    // A birth abroad (INSEE country code 99xxx) is not a commune: the contract
    // takes it as country_code, and FindMatches refuses it as a commune code, as
    // registration does.
    private static BirthPlace BirthPlaceOf(string code) =>
        InseeCodes.IsCountryCode(code) ? new BirthPlace { CountryCode = code } : new BirthPlace { CommuneCode = code };
}
