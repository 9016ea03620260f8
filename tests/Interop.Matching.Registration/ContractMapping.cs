using System.Globalization;
using Interop.Contracts.V1;
using Interop.Hub.Core.Numbering;
using Interop.Testing;

namespace Interop.Matching.Registration;

/// <summary>
/// A dedup-format record as a desk would register it through the contract. All applications go to one département
/// (the Calvados): the hub compares within a département, and the batch figures compare the whole file, so both
/// measure the same pairs. What the contract requires and a row may lack is filled as a desk would know it.
/// </summary>
internal sealed class ContractMapping(IReadOnlyDictionary<string, Sex> sexByFirstName)
{
    private static readonly HashSet<string> EuropeanUnion =
    [
        "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL",
        "PT", "RO", "SE", "SI", "SK",
    ];

    /// <summary>The sex most records of each first name carry: a desk sees the person, a row may have lost it.</summary>
    public static ContractMapping For(IEnumerable<CsvRecord> records)
    {
        var votes = new Dictionary<string, (int Men, int Women)>(StringComparer.OrdinalIgnoreCase);
        foreach (var record in records)
        {
            var first = FirstNamesOf(record).FirstOrDefault();
            if (first is null || record.Sex is not ("M" or "F"))
            {
                continue;
            }

            var (men, women) = votes.GetValueOrDefault(first);
            votes[first] = record.Sex == "M" ? (men + 1, women) : (men, women + 1);
        }

        return new ContractMapping(votes.ToDictionary(v => v.Key, v => v.Value.Men > v.Value.Women ? Sex.Male : Sex.Female, StringComparer.OrdinalIgnoreCase));
    }

    public Application ApplicationOf(CsvRecord record)
    {
        var application = TestApplications.Valid(record.LastName, "Camille");
        var applicant = application.Applicant;
        applicant.BirthName = record.BirthName;
        applicant.FirstNames.Clear();
        applicant.FirstNames.Add(FirstNamesOf(record));
        applicant.Sex = record.Sex switch
        {
            "M" => Sex.Male,
            "F" => Sex.Female,
            _ => FirstNamesOf(record).FirstOrDefault() is { } first && sexByFirstName.TryGetValue(first, out var guessed) ? guessed : Sex.Female,
        };
        applicant.BirthDate = DateOf(record.BirthDate);
        applicant.BirthPlace = PlaceOf(record.BirthPlace);

        // The contract has a nationality class, not a country; a row without one is registered French (most are).
        applicant.NationalityClass = record.Nationality.ToUpperInvariant() switch
        {
            "" or "FR" => NationalityClass.French,
            var code when EuropeanUnion.Contains(code) => NationalityClass.EuropeanUnion,
            _ => NationalityClass.OutsideEuropeanUnion,
        };
        applicant.Contact = new Contact
        {
            Email = record.Email,
            Phone = record.Phone,
            Address = new PostalAddress { PostalCode = record.Postcode, City = record.Commune },
        };
        application.HouseholdMembers.Clear();
        return application;
    }

    private static string[] FirstNamesOf(CsvRecord record) => record.FirstNames.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>An impossible or missing date is sent as it is: the contract refuses it, and the run counts the refusal.</summary>
    private static Google.Type.Date? DateOf(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new Google.Type.Date { Year = date.Year, Month = date.Month, Day = date.Day }
            : text.Length == 10 && int.TryParse(text[..4], CultureInfo.InvariantCulture, out var year)
                && int.TryParse(text[5..7], CultureInfo.InvariantCulture, out var month) && int.TryParse(text[8..], CultureInfo.InvariantCulture, out var day)
                ? new Google.Type.Date { Year = year, Month = month, Day = day }
                : null;

    /// <summary>
    /// A code of a commune of a département (01–95 but the former 20, 2A, 2B, 971–976), as the contract's
    /// `commune_code` takes; a former Corsican code (20xxx), an overseas collectivity's (98xxx) or a country's (99xxx) is not.
    /// </summary>
    private static bool IsDepartementCommune(string code)
    {
        if (code.Length != 5 || !code[2..].All(char.IsAsciiDigit))
        {
            return false;
        }

        var head = code[..2];
        return head is "2A" or "2B"
            || (head.All(char.IsAsciiDigit) && head is not ("00" or "20" or "96" or "98" or "99") && (head != "97" || code[2] is >= '1' and <= '6'));
    }

    /// <summary>
    /// A French INSEE code as `commune_code`, an INSEE country code (99xxx) as `country_code`; any other code or a name as
    /// `free_text`, since the contract's `commune_code` takes communes of a département only.
    /// </summary>
    private static BirthPlace? PlaceOf(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (IsDepartementCommune(text))
        {
            return new BirthPlace { CommuneCode = text };
        }

        return InseeCodes.IsCountryCode(text) ? new BirthPlace { CountryCode = text } : new BirthPlace { FreeText = text };
    }
}
