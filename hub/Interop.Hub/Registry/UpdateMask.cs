using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Validation;
using Domain = Interop.Hub.Core.Applications;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Registry;

/// <summary>
/// Applies an update mask: the stored household with the masked top-level
/// fields taken from the request. Fields outside the mask are ignored, as
/// AIP-134 asks, including their mapping problems.
/// </summary>
internal static class UpdateMask
{
    public static IReadOnlyList<string> Validate(FieldMask? mask, string field, bool required, Violations violations) =>
        WellKnownTypes.MaskPaths(mask, field, HouseholdMapper.Fields, required, violations);

    /// <summary>The incoming household's mapping problems that concern the masked fields only.</summary>
    public static Domain.Household Incoming(V1.Application? application, IReadOnlyList<string> paths, Violations violations)
    {
        var mapping = new Violations();
        var incoming = ApplicationMapper.HouseholdOf(application, "application", mapping);
        foreach (var violation in mapping.All.Where(v => paths.Any(p => Concerns(v.Field, p))))
        {
            violations.Add(violation.Field, violation.Description);
        }

        return incoming;
    }

    public static Domain.Household Apply(Domain.Household stored, Domain.Household incoming, IReadOnlyList<string> paths)
    {
        var result = stored;
        foreach (var path in paths)
        {
            result = path switch
            {
                "applicant" => result with { Applicant = incoming.Applicant },
                "co_applicant" => result with { CoApplicant = incoming.CoApplicant },
                "co_applicant_link" => result with { CoApplicantLink = incoming.CoApplicantLink },
                "family_situation" => result with { FamilySituation = incoming.FamilySituation },
                "household_members" => result with { Members = incoming.Members },
                "resources" => result with { Resources = incoming.Resources },
                "current_housing" => result with { CurrentHousing = incoming.CurrentHousing },
                "reason_codes" => result with { ReasonCodes = incoming.ReasonCodes },
                "wishes" => result with { Wishes = incoming.Wishes },
                "disability" => result with { Disability = incoming.Disability },
                "priority" => result with { Priority = incoming.Priority },
                "current_dwelling" => result with { CurrentDwelling = incoming.CurrentDwelling },
                _ => throw new ArgumentOutOfRangeException(nameof(paths), path, "Unchecked update mask path."),
            };
        }

        return result;
    }

    private static bool Concerns(string field, string path)
    {
        var prefix = "application." + path;
        return field == prefix || field.StartsWith(prefix + ".", StringComparison.Ordinal) || field.StartsWith(prefix + "[", StringComparison.Ordinal);
    }
}
