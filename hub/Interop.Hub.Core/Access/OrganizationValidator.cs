using System.Text.RegularExpressions;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Access;

/// <summary>The rules of an organisation's fields, with the contract's field paths.</summary>
public static partial class OrganizationValidator
{
    public static void ValidateId(string? id, string field, Violations violations)
    {
        if (id is null || !IdPattern().IsMatch(id))
        {
            violations.Add(field, "An organisation id is 3 to 40 characters from a-z, 0-9 and '-', starting with a letter.");
        }
    }

    public static void Validate(Organization organization, string prefix, Violations violations)
    {
        if (string.IsNullOrWhiteSpace(organization.DisplayName) || organization.DisplayName.Length > 200)
        {
            violations.Add($"{prefix}.display_name", "is required, at most 200 characters.");
        }

        if (organization.Kind == OrganizationKind.Unspecified || !Enum.IsDefined(organization.Kind))
        {
            violations.Add($"{prefix}.kind", "is required.");
        }

        Each(organization.Territory.Departements, $"{prefix}.territory.departements", Departements.IsValid, "is not an INSEE département code.", violations);
        Each(organization.Territory.CommuneCodes, $"{prefix}.territory.commune_codes", InseeCodes.IsCommuneCode, "is not an INSEE commune code.", violations);
        Each(organization.Territory.EpciSirens, $"{prefix}.territory.epci_sirens", s => s.Length == 9 && s.All(char.IsAsciiDigit), "is not a SIREN (9 digits).", violations);
        Each(organization.StockCommuneCodes, $"{prefix}.stock_commune_codes", InseeCodes.IsCommuneCode, "is not an INSEE commune code.", violations);
        Each(organization.RegisteringDesks, $"{prefix}.registering_desks", ApplicationNumber.IsDeskCode, "is not a desk code (5 characters from 0-9A-Z).", violations);
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

    private static void Each(IReadOnlyList<string> values, string field, Func<string, bool> isValid, string problem, Violations violations)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!isValid(values[i]))
            {
                violations.Add($"{field}[{i}]", $"'{values[i]}' {problem}");
            }
            else if (!seen.Add(values[i]))
            {
                violations.Add($"{field}[{i}]", $"'{values[i]}' is listed twice.");
            }
        }

        if (values.Count > 2000)
        {
            violations.Add(field, "at most 2000 values.");
        }
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{2,39}$")]
    private static partial Regex IdPattern();
}
