namespace Interop.Hub.Core.Applications;

/// <summary>An application as the registry holds it.</summary>
public sealed record ApplicationRecord
{
    public required string Number { get; init; }

    /// <summary>INSEE département code: <c>14</c>, <c>2A</c>, <c>974</c>.</summary>
    public required string Departement { get; init; }

    public required string RegisteringDesk { get; init; }

    public ApplicationStatus Status { get; init; } = ApplicationStatus.Active;

    /// <summary>1 at registration, one more at every change.</summary>
    public long Revision { get; init; } = 1;

    /// <summary>Date of first filing: the seniority.</summary>
    public required DateOnly FiledDate { get; init; }

    public DateOnly? LastRenewedDate { get; init; }

    public required DateOnly ExpiryDate { get; init; }

    public Radiation? Radiation { get; init; }

    /// <summary>Number of the surviving application, when merged.</summary>
    public string? MergedInto { get; init; }

    /// <summary>Null once erased.</summary>
    public Household? Household { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The date validity runs from: the last renewal, else the filing.</summary>
    public DateOnly ValidityStart => LastRenewedDate ?? FiledDate;
}
