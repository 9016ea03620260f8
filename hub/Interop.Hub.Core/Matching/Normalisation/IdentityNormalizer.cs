using Interop.Hub.Core.Matching.Comparators;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>Turns what a desk typed into a <see cref="NormalizedIdentity"/>. Thread-safe.</summary>
public sealed class IdentityNormalizer(ICommuneDirectory? directory = null)
{
    private readonly ICommuneDirectory communes = directory ?? CommuneDirectory.Empty;

    public NormalizedIdentity Normalize(PersonIdentity person)
    {
        var (use, birth) = SurnameParser.Parse(person.LastName, person.BirthName);
        return new NormalizedIdentity
        {
            Id = person.Id,
            UseName = use,
            BirthName = birth,
            FirstNames = FirstNameSet.From(person.FirstNames),
            BirthDate = PartialDate.Parse(person.BirthDate),
            Sex = SexOf(person.Sex),
            BirthPlace = BirthPlaceKey.From(person.BirthPlace, communes),
            Nir = Alphanumeric(person.Nir),
            Nationality = person.Nationality.Trim().ToUpperInvariant(),
            Email = person.Email.Trim().ToLowerInvariant(),
            Phone = PhoneDigits(person.Phone),
            Address = TextFolding.Fold(person.Address),
            Postcode = person.Postcode.Trim(),
            Commune = TextFolding.Fold(person.Commune),
            CoApplicant = person.CoApplicant is { } co ? Normalize(co with { CoApplicant = null }) : null,
        };
    }

    private static char SexOf(string sex) => TextFolding.Fold(sex) switch
    {
        "M" or "H" or "MALE" or "HOMME" or "1" => 'M',
        "F" or "FEMALE" or "FEMME" or "2" => 'F',
        _ => '\0',
    };

    private static string Alphanumeric(string text) => TextFolding.Fold(text).Replace(" ", "", StringComparison.Ordinal);

    private static string PhoneDigits(string phone)
    {
        var digits = new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length > 9 ? digits[^9..] : digits;
    }
}
