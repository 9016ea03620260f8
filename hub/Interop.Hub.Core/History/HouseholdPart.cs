namespace Interop.Hub.Core.History;

/// <summary>The top-level parts of a household, as an update's field mask names them: the unit a revision replaces.</summary>
public enum HouseholdPart
{
    Applicant,
    CoApplicant,
    CoApplicantLink,
    FamilySituation,
    Members,
    Resources,
    CurrentHousing,
    ReasonCodes,
    Wishes,
    Disability,
    Priority,
    CurrentDwelling,
}
