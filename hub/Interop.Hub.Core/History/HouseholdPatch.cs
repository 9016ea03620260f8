using System.Text.Json;
using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.History;

/// <summary>
/// The parts of a household one revision set, with their new values (the
/// other properties of <see cref="Values"/> mean nothing). A registration sets
/// every part; an update only the parts that differ, so the history stores a
/// few hundred bytes per change rather than the whole household each time.
/// </summary>
public sealed record HouseholdPatch(IReadOnlySet<HouseholdPart> Parts, Household Values)
{
    private static readonly HouseholdPart[] AllParts = Enum.GetValues<HouseholdPart>();

    /// <summary>The patch that brings <paramref name="previous"/> to <paramref name="current"/>; null when there is no household to record (erased) or nothing changed.</summary>
    public static HouseholdPatch? Between(Household? previous, Household? current)
    {
        if (current is null)
        {
            return null;
        }

        var parts = previous is null
            ? AllParts.ToHashSet()
            : AllParts.Where(part => !SameValue(ValueOf(previous, part), ValueOf(current, part))).ToHashSet();
        return parts.Count == 0 ? null : new HouseholdPatch(parts, current);
    }

    /// <summary>The household with this patch's parts replaced; a patch on no household starts from an empty one.</summary>
    public Household ApplyTo(Household? household)
    {
        var result = household ?? new Household();
        foreach (var part in Parts)
        {
            result = part switch
            {
                HouseholdPart.Applicant => result with { Applicant = Values.Applicant },
                HouseholdPart.CoApplicant => result with { CoApplicant = Values.CoApplicant },
                HouseholdPart.CoApplicantLink => result with { CoApplicantLink = Values.CoApplicantLink },
                HouseholdPart.FamilySituation => result with { FamilySituation = Values.FamilySituation },
                HouseholdPart.Members => result with { Members = Values.Members },
                HouseholdPart.Resources => result with { Resources = Values.Resources },
                HouseholdPart.CurrentHousing => result with { CurrentHousing = Values.CurrentHousing },
                HouseholdPart.ReasonCodes => result with { ReasonCodes = Values.ReasonCodes },
                HouseholdPart.Wishes => result with { Wishes = Values.Wishes },
                HouseholdPart.Disability => result with { Disability = Values.Disability },
                HouseholdPart.Priority => result with { Priority = Values.Priority },
                HouseholdPart.CurrentDwelling => result with { CurrentDwelling = Values.CurrentDwelling },
                _ => throw new ArgumentOutOfRangeException(nameof(household), part, "Unknown household part."),
            };
        }

        return result;
    }

    public static object? ValueOf(Household household, HouseholdPart part) => part switch
    {
        HouseholdPart.Applicant => household.Applicant,
        HouseholdPart.CoApplicant => household.CoApplicant,
        HouseholdPart.CoApplicantLink => household.CoApplicantLink,
        HouseholdPart.FamilySituation => household.FamilySituation,
        HouseholdPart.Members => household.Members,
        HouseholdPart.Resources => household.Resources,
        HouseholdPart.CurrentHousing => household.CurrentHousing,
        HouseholdPart.ReasonCodes => household.ReasonCodes,
        HouseholdPart.Wishes => household.Wishes,
        HouseholdPart.Disability => household.Disability,
        HouseholdPart.Priority => household.Priority,
        HouseholdPart.CurrentDwelling => household.CurrentDwelling,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, "Unknown household part."),
    };

    // Records compare their lists by reference: compare what they hold instead.
    private static bool SameValue(object? left, object? right) =>
        JsonSerializer.Serialize(left) == JsonSerializer.Serialize(right);
}
