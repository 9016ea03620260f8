using System.Globalization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Numbering;

namespace Interop.Hub.Core.Validation;

/// <summary>
/// Checks a household against every rule the contract states
/// (<c>protos/interop/v1/application.proto</c>), reporting each bad field by
/// its contract path. It collects instead of throwing, so that create,
/// import, update and renew can add their own request checks and refuse once
/// with everything wrong.
/// </summary>
public static class HouseholdValidator
{
    private const int MaxMembers = 15;
    private const long MaxMonthlyIncomeEur = 1_000_000;
    private const long MaxReferenceTaxableIncomeEur = 10_000_000;
    private const int EarliestTaxYear = 2000;
    private const int MaxReasonCodes = 3;
    private const int MaxReasonCode = 23;
    private const int MaxTypologies = 7;
    private const int MaxWishedCommunes = 10;
    private const int MaxDisabilityDetailsLength = 500;
    private const int MaxMainRooms = 20;
    private const long MaxMonthlyRentEur = 100_000;

    /// <param name="h">The household.</param>
    /// <param name="departement">The application's département: every wished commune must lie in it.</param>
    /// <param name="today">The French date of today: the latest birth date, and the current tax year.</param>
    /// <param name="prefix">Path of the <c>Application</c> message in the request, e.g. <c>application</c>; empty for none.</param>
    /// <param name="v">Where violations go.</param>
    public static void Validate(Household h, string departement, DateOnly today, string prefix, Violations v)
    {
        ArgumentNullException.ThrowIfNull(h);
        ArgumentNullException.ThrowIfNull(v);

        PersonValidator.ValidatePerson(h.Applicant, FieldPath.Of(prefix, "applicant"), today, v);
        if (h.CoApplicant is { } coApplicant)
        {
            PersonValidator.ValidatePerson(coApplicant, FieldPath.Of(prefix, "co_applicant"), today, v);
        }

        CoApplicantLink(h, FieldPath.Of(prefix, "co_applicant_link"), v);
        FieldRules.RequiredEnum(h.FamilySituation, FieldPath.Of(prefix, "family_situation"), v);
        Members(h.Members, FieldPath.Of(prefix, "household_members"), today, v);
        Resources(h.Resources, FieldPath.Of(prefix, "resources"), today, v);
        FieldRules.RequiredEnum(h.CurrentHousing, FieldPath.Of(prefix, "current_housing"), v);
        ReasonCodes(h.ReasonCodes, FieldPath.Of(prefix, "reason_codes"), v);
        Wishes(h.Wishes, departement, FieldPath.Of(prefix, "wishes"), v);
        FieldRules.Text(h.Disability.Details, FieldPath.Of(FieldPath.Of(prefix, "disability"), "details"), MaxDisabilityDetailsLength, v);
        FieldRules.OptionalEnum(h.Priority.DaloStatus, FieldPath.Of(FieldPath.Of(prefix, "priority"), "dalo_status"), v);
        Dwelling(h.CurrentDwelling, FieldPath.Of(prefix, "current_dwelling"), v);
    }

    /// <summary>Checks a person looked for by a duplicate search: the last name required, every other field optional but well formed.</summary>
    /// <param name="person">The person.</param>
    /// <param name="path">Path of the <c>Person</c> message in the request, e.g. <c>person</c>.</param>
    /// <param name="v">Where violations go.</param>
    public static void ValidateSearched(Person person, string path, Violations v)
    {
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(v);
        PersonValidator.ValidateSearched(person, path, v);
    }

    /// <summary>The link describes the co-applicant, so it comes with one and only with one.</summary>
    private static void CoApplicantLink(Household h, string path, Violations v)
    {
        if (h.CoApplicant is null)
        {
            if (h.CoApplicantLink != Applications.CoApplicantLink.Unspecified)
            {
                v.Add(path, "must be unset when there is no co-applicant.");
            }
        }
        else if (h.CoApplicantLink == Applications.CoApplicantLink.Unspecified)
        {
            v.Add(path, "is required with a co-applicant.");
        }
        else
        {
            FieldRules.OptionalEnum(h.CoApplicantLink, path, v);
        }
    }

    private static void Members(IReadOnlyList<HouseholdMember> members, string path, DateOnly today, Violations v)
    {
        if (members.Count > MaxMembers)
        {
            v.Add(path, $"must have at most {MaxMembers} members.");
        }

        for (var i = 0; i < members.Count; i++)
        {
            PersonValidator.ValidateMember(members[i], FieldPath.At(path, i), today, v);
        }
    }

    private static void Resources(Resources r, string path, DateOnly today, Violations v)
    {
        if (r.MonthlyIncomeEur is < 0 or > MaxMonthlyIncomeEur)
        {
            v.Add(FieldPath.Of(path, "monthly_income_eur"), "must be between 0 and 1000000.");
        }

        if (r.ReferenceTaxableIncomeEur is < 0 or > MaxReferenceTaxableIncomeEur)
        {
            v.Add(FieldPath.Of(path, "reference_taxable_income_eur"), "must be between 0 and 10000000.");
        }

        if (r.ReferenceTaxYear != 0 && (r.ReferenceTaxYear < EarliestTaxYear || r.ReferenceTaxYear > today.Year))
        {
            v.Add(FieldPath.Of(path, "reference_tax_year"), $"must be between {EarliestTaxYear} and {today.Year}, or 0 when not given.");
        }
    }

    /// <summary>Both facts are optional; a given one must be plausible (a dwelling has at least one main room).</summary>
    private static void Dwelling(CurrentDwelling d, string path, Violations v)
    {
        if (d.Rooms is < 1 or > MaxMainRooms)
        {
            v.Add(FieldPath.Of(path, "main_rooms"), $"must be between 1 and {MaxMainRooms} main rooms, or unset when unknown.");
        }

        if (d.MonthlyRentEur is < 0 or > MaxMonthlyRentEur)
        {
            v.Add(FieldPath.Of(path, "monthly_rent_eur"), $"must be between 0 and {MaxMonthlyRentEur} euros a month, or unset when unknown.");
        }
    }

    /// <summary>SNE ListeMotifDemande codes, two digits <c>01</c>…<c>23</c>.</summary>
    private static void ReasonCodes(IReadOnlyList<string> codes, string path, Violations v)
    {
        if (codes.Count == 0)
        {
            v.Add(path, "needs at least one reason.");
        }
        else if (codes.Count > MaxReasonCodes)
        {
            v.Add(path, $"must have at most {MaxReasonCodes} reasons.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            if (!IsReasonCode(code))
            {
                v.Add(FieldPath.At(path, i), "must be a reason code from 01 to 23.");
            }
            else if (!seen.TryAdd(code, i))
            {
                v.Add(FieldPath.At(path, i), $"repeats {FieldPath.At(path, seen[code])}.");
            }
        }
    }

    private static bool IsReasonCode(string code) =>
        code.Length == 2
        && code.All(char.IsAsciiDigit)
        && int.Parse(code, NumberStyles.None, CultureInfo.InvariantCulture) is >= 1 and <= MaxReasonCode;

    private static void Wishes(Wishes w, string departement, string path, Violations v)
    {
        var typologies = FieldPath.Of(path, "typologies");
        if (w.Typologies.Count == 0)
        {
            v.Add(typologies, "needs at least one typology.");
        }
        else if (w.Typologies.Count > MaxTypologies)
        {
            v.Add(typologies, $"must have at most {MaxTypologies} typologies.");
        }

        var seenTypologies = new Dictionary<Typology, int>();
        for (var i = 0; i < w.Typologies.Count; i++)
        {
            var typology = w.Typologies[i];
            var element = FieldPath.At(typologies, i);
            if (typology == Typology.Unspecified || !Enum.IsDefined(typology))
            {
                v.Add(element, "must be a known typology.");
            }
            else if (!seenTypologies.TryAdd(typology, i))
            {
                v.Add(element, $"repeats {FieldPath.At(typologies, seenTypologies[typology])}.");
            }
        }

        WishedCommunes(w.CommuneCodes, departement, FieldPath.Of(path, "commune_codes"), v);
        FieldRules.OptionalEnum(w.Category, FieldPath.Of(path, "category"), v);
    }

    /// <summary>An application belongs to one département (one active application per household per département), so it can only wish communes there.</summary>
    private static void WishedCommunes(IReadOnlyList<string> codes, string departement, string path, Violations v)
    {
        if (codes.Count == 0)
        {
            v.Add(path, "needs at least one commune.");
        }
        else if (codes.Count > MaxWishedCommunes)
        {
            v.Add(path, $"must have at most {MaxWishedCommunes} communes.");
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i];
            var element = FieldPath.At(path, i);
            var owner = Departements.OfCommune(code);
            if (owner is null)
            {
                v.Add(element, "is not an INSEE commune code (5 characters such as 14118, 2A004 or 97411).");
            }
            else if (!seen.TryAdd(code, i))
            {
                v.Add(element, $"repeats {FieldPath.At(path, seen[code])}.");
            }
            else if (owner != departement)
            {
                v.Add(element, $"is in département {owner}, not in the application's département {departement}.");
            }
        }
    }
}
