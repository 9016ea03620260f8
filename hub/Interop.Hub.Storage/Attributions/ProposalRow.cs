namespace Interop.Hub.Storage.Attributions;

/// <summary>A row of <c>proposals</c> as Dapper reads it.</summary>
internal sealed class ProposalRow
{
    public Guid ProposalId { get; init; }
    public string ApplicationNumber { get; init; } = "";
    public string LandlordId { get; init; } = "";
    public string DwellingId { get; init; } = "";
    public string CommuneCode { get; init; } = "";
    public string Typology { get; init; } = "";
    public string ReservationHolder { get; init; } = "";
    public string State { get; init; } = "";
    public string? CalOutcome { get; init; }
    public short? CalRank { get; init; }
    public string? InadmissibilityReason { get; init; }
    public DateOnly? CalDecisionDate { get; init; }
    public DateOnly? NotificationDate { get; init; }
    public DateOnly? OfferDate { get; init; }
    public DateOnly? ResponseDeadline { get; init; }
    public string? OfferAnswer { get; init; }
    public DateOnly? AnswerDate { get; init; }
    public string? RefusalReason { get; init; }
    public DateOnly? LeaseDate { get; init; }
    public bool? LeaseDalo { get; init; }
    public string? CollectiveAgreement { get; init; }
    public string? LeaseReservationHolder { get; init; }
    public DateOnly? InadmissibilityRadiationDue { get; init; }
    public long ApplicationRevision { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}
