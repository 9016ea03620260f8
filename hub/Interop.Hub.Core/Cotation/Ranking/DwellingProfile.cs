using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>A dwelling a landlord prepares a CAL for, as the ranking needs it.</summary>
public sealed record DwellingProfile
{
    /// <summary>The share of monthly resources the rent may take by default: the usual 33 % of landlords' practice.</summary>
    public const decimal DefaultMaxRentBurdenPercent = 33;

    /// <summary>INSEE code of the dwelling's commune.</summary>
    public required string CommuneCode { get; init; }

    public required Typology Typology { get; init; }

    /// <summary>Rent with charges, whole euros a month.</summary>
    public required long MonthlyRentEur { get; init; }

    public ReservationHolder ReservationHolder { get; init; } = ReservationHolder.None;

    /// <summary>
    /// The income ceiling of the dwelling's financing for the household (reference taxable income, whole
    /// euros), when the caller knows it. The hub does not hold the ceilings' tables (they depend on the
    /// financing, the zone and the household's make-up, and change every year), so it checks only a
    /// ceiling it is given.
    /// </summary>
    public long? IncomeCeilingEur { get; init; }

    /// <summary>The most the rent may take of the household's monthly resources, in percent.</summary>
    public decimal MaxRentBurdenPercent { get; init; } = DefaultMaxRentBurdenPercent;
}
