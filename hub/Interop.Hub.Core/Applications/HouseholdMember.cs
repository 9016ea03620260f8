namespace Interop.Hub.Core.Applications;

/// <summary>A dependant or other occupant besides the applicant and co-applicant.</summary>
public sealed record HouseholdMember
{
    public string LastName { get; init; } = "";

    public IReadOnlyList<string> FirstNames { get; init; } = [];

    public Sex Sex { get; init; }

    public DateOnly? BirthDate { get; init; }

    public Relationship Relationship { get; init; }
}
