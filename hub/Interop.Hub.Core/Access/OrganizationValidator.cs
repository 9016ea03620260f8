using System.Text.RegularExpressions;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Access;

/// <summary>The rules of an organisation's fields, with the contract's field paths.</summary>
public static partial class OrganizationValidator
{
    /// <summary>An organisation's display name (and an API key's): at most this many characters.</summary>
    public const int MaxDisplayNameLength = 200;

    /// <summary>The most values of one code list (territory, stock, desks): a département counts a few hundred communes.</summary>
    public const int MaxCodes = 2000;

    /// <summary>Whether <paramref name="id"/> is an organisation id: 3 to 40 characters from a-z, 0-9 and '-', starting with a letter.</summary>
    public static bool IsId(string? id) => id is not null && IdPattern().IsMatch(id);

    public static void ValidateId(string? id, string field, Violations violations)
    {
        if (!IsId(id))
        {
            violations.Add(field, "An organisation id is 3 to 40 characters from a-z, 0-9 and '-', starting with a letter.");
        }
    }

    public static void Validate(Organization organization, string prefix, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ValidateFields(organization, prefix, null, violations);
        if (organization.Kind == OrganizationKind.Unspecified || !Enum.IsDefined(organization.Kind))
        {
            violations.Add($"{prefix}.kind", "is required: one of the declared organisation kinds.");
        }

        if (organization.StockCommuneCodes.Count > 0 && organization.Kind != OrganizationKind.Landlord)
        {
            violations.Add($"{prefix}.stock_commune_codes", "Only landlords hold housing stock.");
        }

        if (organization.RegisteringDesks.Count > 0 && organization.Kind is OrganizationKind.NationalExchange
            or OrganizationKind.StatisticsReader or OrganizationKind.HubAdministrator)
        {
            violations.Add($"{prefix}.registering_desks", "Only landlords, collectivities, reservation holders and State services run registering desks.");
        }
    }

    /// <summary>
    /// The rules of each field on its own; <paramref name="fields"/> names the
    /// top-level fields to check (an update mask's paths), null for all.
    /// </summary>
    public static void ValidateFields(Organization organization, string prefix, IReadOnlyCollection<string>? fields, Violations violations)
    {
        ArgumentNullException.ThrowIfNull(organization);
        bool Checks(string field) => fields is null || fields.Contains(field);
        if (Checks("display_name"))
        {
            RequestRules.Text(organization.DisplayName, $"{prefix}.display_name", MaxDisplayNameLength, required: true, violations);
        }

        if (Checks("territory"))
        {
            Each(organization.Territory.Departements, $"{prefix}.territory.departements", Departements.IsValid, "is not an INSEE département code.", violations);
            Each(organization.Territory.CommuneCodes, $"{prefix}.territory.commune_codes", InseeCodes.IsCommuneCode, "is not an INSEE commune code.", violations);
            Each(organization.Territory.EpciSirens, $"{prefix}.territory.epci_sirens", s => s.Length == 9 && s.All(char.IsAsciiDigit), "is not a SIREN (9 digits).", violations);
        }

        if (Checks("stock_commune_codes"))
        {
            Each(organization.StockCommuneCodes, $"{prefix}.stock_commune_codes", InseeCodes.IsCommuneCode, "is not an INSEE commune code.", violations);
        }

        if (Checks("registering_desks"))
        {
            Each(organization.RegisteringDesks, $"{prefix}.registering_desks", ApplicationNumber.IsDeskCode, "is not a desk code (5 characters from 0-9A-Z).", violations);
        }
    }

    private static void Each(IReadOnlyList<string> values, string field, Func<string, bool> isValid, string problem, Violations violations)
    {
        if (!RequestRules.ListSize(values.Count, field, MaxCodes, violations))
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!isValid(values[i]))
            {
                violations.Add($"{field}[{i}]", $"{Violations.Quote(values[i])} {problem}");
            }
            else if (!seen.Add(values[i]))
            {
                violations.Add($"{field}[{i}]", $"{Violations.Quote(values[i])} is listed twice.");
            }
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}$")]
    private static partial Regex IdPattern();
}
