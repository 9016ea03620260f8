namespace Interop.Adapters.Conformance;

/// <summary>
/// A lease the kit asks the harness to record in its ERP as the landlord's lease module does, with the contract's
/// codes: the harness writes each one as its ERP spells it (<see cref="IAdapterHarness.ErpCode"/>, tables
/// <c>proposal.typology</c>, <c>proposal.reservation_holder</c>, <c>lease.collective_agreement</c>).
/// </summary>
public sealed record ConformanceLease
{
    /// <summary>The dwelling's RPLS id (letters and digits).</summary>
    public required string DwellingId { get; init; }

    /// <summary>INSEE code of the dwelling's commune: one where the kit's landlords hold stock (Caen).</summary>
    public string CommuneCode { get; init; } = "14118";

    /// <summary>Contract code of <c>proposal.typology</c>.</summary>
    public string Typology { get; init; } = "TYPOLOGY_T3";

    /// <summary>Contract code of <c>proposal.reservation_holder</c>.</summary>
    public string ReservationHolder { get; init; } = "RESERVATION_HOLDER_NONE";

    /// <summary>Contract code of <c>lease.collective_agreement</c>.</summary>
    public string CollectiveAgreement { get; init; } = "COLLECTIVE_AGREEMENT_NONE";

    /// <summary>The lease's (start) date, a French calendar day.</summary>
    public required DateOnly Date { get; init; }
}
