using Interop.Hub.Core.Matching.Comparators;
using Interop.Hub.Core.Matching.Geography;

namespace Interop.Hub.Core.Matching.Normalisation;

/// <summary>Turns what a desk typed into a <see cref="NormalizedIdentity"/>. Thread-safe.</summary>
public sealed class IdentityNormalizer(ICommuneDirectory? directory = null)
{
    // Distinct values seen, per kind: enough for the surnames, first names and birth places of a
    // national stock's head; beyond it values are normalised every time.
    private const int CacheLimit = 200_000;

    private readonly ICommuneDirectory communes = directory ?? CommuneDirectory.Empty;
    private readonly BoundedCache<(string, string), (NameForm?, NameForm?)> surnames = new(CacheLimit);
    private readonly BoundedCache<string, FirstNameSet?> firstNames = new(CacheLimit, StringComparer.Ordinal);
    private readonly BoundedCache<string, BirthPlaceKey?> birthPlaces = new(CacheLimit, StringComparer.Ordinal);
    private readonly BoundedCache<string, string> communeNames = new(CacheLimit, StringComparer.Ordinal);

    public NormalizedIdentity Normalize(PersonIdentity person)
    {
        var (use, birth) = surnames.GetOrAdd((person.LastName ?? "", person.BirthName ?? ""), static key => SurnameParser.Parse(key.Item1, key.Item2));
        return new NormalizedIdentity
        {
            Id = person.Id,
            UseName = use,
            BirthName = birth,
            FirstNames = FirstNamesOf(person.FirstNames),
            BirthDate = PartialDate.Parse(person.BirthDate),
            Sex = SexOf(person.Sex),
            BirthPlace = birthPlaces.GetOrAdd(person.BirthPlace ?? "", text => BirthPlaceKey.From(text, communes)),
            Nir = Alphanumeric(person.Nir),
            Nationality = person.Nationality.Trim().ToUpperInvariant(),
            Email = person.Email.Trim().ToLowerInvariant(),
            Phone = PhoneDigits(person.Phone),
            Address = TextFolding.Fold(person.Address),
            Postcode = person.Postcode.Trim(),
            Commune = communeNames.GetOrAdd(person.Commune ?? "", TextFolding.Fold),
            CoApplicant = person.CoApplicant is { } co ? Normalize(co with { CoApplicant = null }) : null,
        };
    }

    private FirstNameSet? FirstNamesOf(IReadOnlyList<string>? names)
    {
        if (names is null)
        {
            return null;
        }

        // The unit separator cannot be typed in a first name: the joined key is unambiguous.
        var key = names.Count == 1 ? names[0] : string.Join('\u001f', names);
        return firstNames.GetOrAdd(key, static joined => FirstNameSet.From(joined.Split('\u001f')));
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
        // The last nine digits, gathered backwards on the stack: no intermediate string per record.
        Span<char> last = stackalloc char[9];
        var count = 0;
        for (var i = phone.Length - 1; i >= 0 && count < 9; i--)
        {
            if (char.IsAsciiDigit(phone[i]))
            {
                last[8 - count++] = phone[i];
            }
        }

        return count == 0 ? "" : new string(last[(9 - count)..]);
    }
}
