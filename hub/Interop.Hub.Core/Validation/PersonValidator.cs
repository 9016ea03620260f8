using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Checks the people of a household: the applicant and co-applicant
/// (<c>Person</c>) and the other members (<c>HouseholdMember</c>). Their
/// names, birth dates and places feed identity matching, so they are held to
/// the contract strictly.
/// </summary>
internal static class PersonValidator
{
    private const int MaxNameLength = 100;
    private const int MaxFirstNames = 6;
    private const int MaxFirstNameLength = 50;
    private const int MaxBirthPlaceTextLength = 100;

    /// <param name="p">The person.</param>
    /// <param name="path">Path of the <c>Person</c> message, e.g. <c>application.applicant</c>.</param>
    /// <param name="today">The French date of today, the latest birth date.</param>
    /// <param name="v">Where violations go.</param>
    public static void ValidatePerson(Person p, string path, DateOnly today, Violations v)
    {
        FieldRules.Name(p.LastName, FieldPath.Of(path, "last_name"), MaxNameLength, required: true, v);
        FieldRules.Name(p.BirthName, FieldPath.Of(path, "birth_name"), MaxNameLength, required: false, v);
        FirstNames(p.FirstNames, FieldPath.Of(path, "first_names"), v);
        FieldRules.RequiredEnum(p.Sex, FieldPath.Of(path, "sex"), v);
        FieldRules.BirthDate(p.BirthDate, FieldPath.Of(path, "birth_date"), today, v);
        BirthPlace(p, FieldPath.Of(path, "birth_place"), v);
        FieldRules.RequiredEnum(p.NationalityClass, FieldPath.Of(path, "nationality_class"), v);

        if (p.Nir.Length != 0 && NirRules.Problem(p.Nir) is { } problem)
        {
            v.Add(FieldPath.Of(path, "nir"), problem);
        }

        ContactValidator.Validate(p.Contact, FieldPath.Of(path, "contact"), v);
    }

    /// <summary>
    /// A person looked for (a duplicate search), not registered: only the last
    /// name is required, but whatever is given must be well formed, since it
    /// feeds the same blocking keys and comparisons as a registered identity.
    /// </summary>
    /// <param name="p">The person.</param>
    /// <param name="path">Path of the <c>Person</c> message, e.g. <c>person</c>.</param>
    /// <param name="v">Where violations go.</param>
    public static void ValidateSearched(Person p, string path, Violations v)
    {
        FieldRules.Name(p.LastName, FieldPath.Of(path, "last_name"), MaxNameLength, required: true, v);
        FieldRules.Name(p.BirthName, FieldPath.Of(path, "birth_name"), MaxNameLength, required: false, v);
        if (p.FirstNames.Count > 0)
        {
            FirstNames(p.FirstNames, FieldPath.Of(path, "first_names"), v);
        }

        FieldRules.OptionalEnum(p.Sex, FieldPath.Of(path, "sex"), v);
        BirthPlace(p, FieldPath.Of(path, "birth_place"), v);
        FieldRules.OptionalEnum(p.NationalityClass, FieldPath.Of(path, "nationality_class"), v);
        if (p.Nir.Length != 0 && NirRules.Problem(p.Nir) is { } problem)
        {
            v.Add(FieldPath.Of(path, "nir"), problem);
        }

        ContactValidator.Validate(p.Contact, FieldPath.Of(path, "contact"), v);
    }

    /// <param name="m">The member.</param>
    /// <param name="path">Path of the member, e.g. <c>application.household_members[2]</c>.</param>
    /// <param name="today">The French date of today, the latest birth date.</param>
    /// <param name="v">Where violations go.</param>
    public static void ValidateMember(HouseholdMember m, string path, DateOnly today, Violations v)
    {
        FieldRules.Name(m.LastName, FieldPath.Of(path, "last_name"), MaxNameLength, required: true, v);
        FirstNames(m.FirstNames, FieldPath.Of(path, "first_names"), v);
        FieldRules.RequiredEnum(m.Sex, FieldPath.Of(path, "sex"), v);
        FieldRules.BirthDate(m.BirthDate, FieldPath.Of(path, "birth_date"), today, v);
        FieldRules.RequiredEnum(m.Relationship, FieldPath.Of(path, "relationship"), v);
    }

    private static void FirstNames(IReadOnlyList<string> names, string path, Violations v)
    {
        if (names.Count == 0)
        {
            v.Add(path, "needs at least one first name.");
        }
        else if (names.Count > MaxFirstNames)
        {
            v.Add(path, $"must have at most {MaxFirstNames} first names.");
        }

        for (var i = 0; i < names.Count; i++)
        {
            FieldRules.Name(names[i], FieldPath.At(path, i), MaxFirstNameLength, required: true, v);
        }
    }

    /// <summary>
    /// The contract's <c>BirthPlace</c> is a oneof: a commune code, a country code or free text, or
    /// none when unknown. A country code sent as a commune gets a message naming the right field.
    /// </summary>
    private static void BirthPlace(Person p, string path, Violations v)
    {
        var given = (p.BirthCommuneCode.Length != 0 ? 1 : 0) + (p.BirthCountryCode.Length != 0 ? 1 : 0) + (p.BirthPlaceText.Length != 0 ? 1 : 0);
        if (given > 1)
        {
            v.Add(path, "must be one of a commune code, a country code or a free text, not several.");
        }

        if (p.BirthCommuneCode.Length != 0 && !InseeCodes.IsCommuneCode(p.BirthCommuneCode))
        {
            v.Add(FieldPath.Of(path, "commune_code"), InseeCodes.IsCountryCode(p.BirthCommuneCode)
                ? "is an INSEE country code: a birth abroad goes in country_code."
                : "is not an INSEE commune code (5 characters such as 14118, 2A004 or 97411).");
        }

        if (p.BirthCountryCode.Length != 0 && !InseeCodes.IsCountryCode(p.BirthCountryCode))
        {
            v.Add(FieldPath.Of(path, "country_code"), p.BirthCountryCode == "99100"
                ? "is France: a birth in France goes in commune_code."
                : "is not an INSEE country code (99, the continent 1 to 5, two digits, such as 99350 for Morocco).");
        }

        FieldRules.Text(p.BirthPlaceText, FieldPath.Of(path, "free_text"), MaxBirthPlaceTextLength, v);
    }
}
