namespace Interop.Adapters.Sdk.Outbound;

/// <summary>
/// An attribution the ERP decided: which of the landlord's dwellings, in the ERP's own codes, and how far
/// it went. The SDK brings the hub's proposal of this dwelling for the household up to <see cref="Reached"/>,
/// continuing a proposal an earlier push (or an earlier change of the same dwelling) left half-way.
/// </summary>
/// <remarks>
/// A date left null is the hub's day of the proposal (the UTC day of its creation time, never after the
/// hub's French today): an ERP that only records the lease may leave every date but <see cref="LeaseDate"/> null.
/// </remarks>
public sealed record ErpAttribution
{
    /// <summary>The dwelling's id in the RPLS directory (1 to 30 letters and digits). Required.</summary>
    public required string DwellingId { get; init; }

    /// <summary>The INSEE code of the dwelling's commune; the landlord must hold stock there. Required.</summary>
    public required string CommuneCode { get; init; }

    /// <summary>The ERP's typology code of the dwelling, mapped through the table <c>proposal.typology</c>. Required.</summary>
    public required string TypologyCode { get; init; }

    /// <summary>
    /// The ERP's code of the reservation contingent charged with the dwelling, mapped through the table
    /// <c>proposal.reservation_holder</c> (<c>ReservationHolder</c> names); also the lease's. Required.
    /// </summary>
    public required string ReservationHolderCode { get; init; }

    /// <summary>The step reached. Default <see cref="ErpAttributionStep.LeaseSigned"/>.</summary>
    public ErpAttributionStep Reached { get; init; } = ErpAttributionStep.LeaseSigned;

    /// <summary>The date of the CAL meeting that attributed the dwelling; null: the hub's day.</summary>
    public DateOnly? CalDecisionDate { get; init; }

    /// <summary>The date of the offer; null: the CAL's date.</summary>
    public DateOnly? OfferDate { get; init; }

    /// <summary>The deadline of the household's answer (10 days to 12 months after the offer); null: 10 days after the offer.</summary>
    public DateOnly? ResponseDeadline { get; init; }

    /// <summary>The date the household accepted; null: the offer's date.</summary>
    public DateOnly? AnswerDate { get; init; }

    /// <summary>The date the lease was signed; null: the answer's date.</summary>
    public DateOnly? LeaseDate { get; init; }

    /// <summary>Whether the household was rehoused as a DALO priority (the lease). Default false.</summary>
    public bool Dalo { get; init; }

    /// <summary>
    /// The ERP's code of the collective agreement the attribution falls under, mapped through the table
    /// <c>lease.collective_agreement</c> (<c>CollectiveAgreement</c> names). Required with a signed lease.
    /// </summary>
    public string? CollectiveAgreementCode { get; init; }
}
