using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.History;

/// <summary>
/// What the history keeps of an application at one revision for as long as the
/// application exists, erasure included: the registry's own facts and the
/// non-nominative facts the retention job keeps for statistics (household size
/// and composition counts, typologies and communes wished, whether a transfer
/// or a priority household; domain §8). No name,
/// contact, birth date or income.
/// </summary>
public sealed record HistoryFacts
{
    public required ApplicationStatus Status { get; init; }

    public required DateOnly FiledDate { get; init; }

    public DateOnly? LastRenewedDate { get; init; }

    public required DateOnly ExpiryDate { get; init; }

    public Radiation? Radiation { get; init; }

    public string? MergedInto { get; init; }

    /// <summary>Applicant, co-applicant and other members.</summary>
    public int HouseholdSize { get; init; } = 1;

    public bool CoApplicant { get; init; }

    /// <summary>Members who are the applicant's children.</summary>
    public int Children { get; init; }

    public IReadOnlyList<Typology> Typologies { get; init; } = [];

    public IReadOnlyList<string> WishedCommunes { get; init; } = [];

    /// <summary>The household already rents social housing: a transfer application (domain §6.4).</summary>
    public bool Transfer { get; init; }

    /// <summary>A DALO household (recognised, rehoused or not) or one of the priority public (L441-1 CCH).</summary>
    public bool PriorityHousehold { get; init; }

    /// <summary>
    /// The facts of <paramref name="application"/> as written. An erased
    /// application has no household any more: its composition is the one it
    /// had just before (<paramref name="previous"/>), as the retention job keeps it.
    /// </summary>
    public static HistoryFacts Of(ApplicationRecord application, ApplicationRecord? previous)
    {
        var household = application.Household ?? previous?.Household;
        return new HistoryFacts
        {
            Status = application.Status,
            FiledDate = application.FiledDate,
            LastRenewedDate = application.LastRenewedDate,
            ExpiryDate = application.ExpiryDate,
            Radiation = application.Radiation,
            MergedInto = application.MergedInto,
            HouseholdSize = household is null ? 1 : 1 + (household.CoApplicant is null ? 0 : 1) + household.Members.Count,
            CoApplicant = household?.CoApplicant is not null,
            Children = household?.Members.Count(m => m.Relationship == Relationship.Child) ?? 0,
            Typologies = household?.Wishes.Typologies ?? [],
            WishedCommunes = household?.Wishes.CommuneCodes ?? [],
            Transfer = household?.CurrentHousing == HousingSituation.SocialTenant,
            PriorityHousehold = household?.Priority is { } priority
                && (priority.PriorityPublic || priority.DaloStatus is DaloStatus.Active or DaloStatus.Rehoused),
        };
    }
}
