namespace Interop.Hub.Core.Applications;

/// <summary>
/// The personal content of an application: everything the retention job erases
/// one year after radiation. The registry's own facts (number, status, dates)
/// live on <see cref="ApplicationRecord"/>.
/// </summary>
public sealed record Household
{
    public Person Applicant { get; init; } = new();

    public Person? CoApplicant { get; init; }

    public CoApplicantLink CoApplicantLink { get; init; }

    public FamilySituation FamilySituation { get; init; }

    public IReadOnlyList<HouseholdMember> Members { get; init; } = [];

    public Resources Resources { get; init; } = new();

    public HousingSituation CurrentHousing { get; init; }

    /// <summary>SNE ListeMotifDemande codes, two digits <c>01</c>…<c>23</c>.</summary>
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];

    public Wishes Wishes { get; init; } = new();

    public DisabilityNeeds Disability { get; init; } = new();

    public Priority Priority { get; init; } = new();

    /// <summary>Rooms and rent of the current dwelling; unknown in documents stored before the contract carried them.</summary>
    public CurrentDwelling CurrentDwelling { get; init; } = CurrentDwelling.Unknown;
}
