using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation;

/// <summary>What a grid looks at in one application: the registry's facts, its household, its current dwelling.</summary>
public sealed record CotationSubject
{
    private readonly CurrentDwelling? currentDwelling;

    public required string Number { get; init; }

    public ApplicationStatus Status { get; init; } = ApplicationStatus.Active;

    /// <summary>Date of first filing: seniority runs from it.</summary>
    public required DateOnly FiledDate { get; init; }

    public DateOnly? LastRenewedDate { get; init; }

    public required Household Household { get; init; }

    /// <summary>The household's own facts (<see cref="Household.CurrentDwelling"/>) unless others were set.</summary>
    public CurrentDwelling CurrentDwelling
    {
        get => currentDwelling ?? Household.CurrentDwelling;
        init => currentDwelling = value;
    }

    /// <summary>Applicant, co-applicant and every other member.</summary>
    public int Persons => 1 + (Household.CoApplicant is null ? 0 : 1) + Household.Members.Count;

    /// <summary>
    /// The subject of an application the registry holds; null when its personal data were erased. The facts of
    /// <paramref name="dwelling"/> (sent beside a score request) win over the application's own, one by one.
    /// </summary>
    public static CotationSubject? Of(ApplicationRecord application, CurrentDwelling? dwelling = null) =>
        application.Household is null
            ? null
            : new CotationSubject
            {
                Number = application.Number,
                Status = application.Status,
                FiledDate = application.FiledDate,
                LastRenewedDate = application.LastRenewedDate,
                Household = application.Household,
                CurrentDwelling = application.Household.CurrentDwelling.OverriddenBy(dwelling),
            };
}
