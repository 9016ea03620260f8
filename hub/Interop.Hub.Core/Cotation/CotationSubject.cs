using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation;

/// <summary>What a grid looks at in one application: the registry's facts, its household, its current dwelling.</summary>
public sealed record CotationSubject
{
    public required string Number { get; init; }

    public ApplicationStatus Status { get; init; } = ApplicationStatus.Active;

    /// <summary>Date of first filing: seniority runs from it.</summary>
    public required DateOnly FiledDate { get; init; }

    public DateOnly? LastRenewedDate { get; init; }

    public required Household Household { get; init; }

    public CurrentDwelling CurrentDwelling { get; init; } = CurrentDwelling.Unknown;

    /// <summary>Applicant, co-applicant and every other member.</summary>
    public int Persons => 1 + (Household.CoApplicant is null ? 0 : 1) + Household.Members.Count;

    /// <summary>The subject of an application the registry holds; null when its personal data were erased.</summary>
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
                CurrentDwelling = dwelling ?? CurrentDwelling.Unknown,
            };
}
