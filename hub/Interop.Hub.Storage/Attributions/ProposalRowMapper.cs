using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Storage.Attributions;

/// <summary>Between <see cref="ProposalRecord"/> and the columns of <c>proposals</c>.</summary>
internal static class ProposalRowMapper
{
    public static ProposalRecord ToRecord(ProposalRow row) => new()
    {
        Id = row.ProposalId,
        ApplicationNumber = row.ApplicationNumber,
        LandlordId = row.LandlordId,
        Candidate = new Candidate(
            row.DwellingId, row.CommuneCode, StoredName.Parse<Typology>(row.Typology), AttributionSneCodes.ReservationHolderOf(row.ReservationHolder)),
        State = StoredName.Parse<ProposalState>(row.State),
        CalDecision = row is { CalOutcome: { } outcome, CalDecisionDate: { } decided }
            ? new CalDecision(
                StoredName.Parse<CalOutcome>(outcome),
                row.CalRank ?? 0,
                row.InadmissibilityReason is { } sub ? SneCodes.InadmissibilityReasonOf(sub) : InadmissibilityReason.Unspecified,
                decided,
                row.NotificationDate)
            : null,
        Offer = row is { OfferDate: { } made, ResponseDeadline: { } deadline }
            ? new Offer(
                made,
                deadline,
                row.OfferAnswer is { } answer ? StoredName.Parse<OfferAnswer>(answer) : OfferAnswer.Unspecified,
                row.AnswerDate,
                row.RefusalReason)
            : null,
        Lease = row is { LeaseDate: { } signed, CollectiveAgreement: { } agreement, LeaseReservationHolder: { } holder }
            ? new Lease(signed, row.LeaseDalo ?? false, AttributionSneCodes.CollectiveAgreementOf(agreement), AttributionSneCodes.ReservationHolderOf(holder))
            : null,
        InadmissibilityRadiationDue = row.InadmissibilityRadiationDue,
        ApplicationRevision = row.ApplicationRevision,
        CreatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
        UpdatedAt = new DateTimeOffset(DateTime.SpecifyKind(row.UpdatedAt, DateTimeKind.Utc)),
    };

    public static object ToParameters(ProposalRecord p) => new
    {
        ProposalId = p.Id,
        p.ApplicationNumber,
        p.LandlordId,
        p.Candidate.DwellingId,
        p.Candidate.CommuneCode,
        Typology = StoredName.Of(p.Candidate.Typology),
        ReservationHolder = AttributionSneCodes.Of(p.Candidate.ReservationHolder),
        State = StoredName.Of(p.State),
        CalOutcome = p.CalDecision is { } d ? StoredName.Of(d.Outcome) : null,
        CalRank = p.CalDecision is { Rank: > 0 } ranked ? (short?)ranked.Rank : null,
        InadmissibilityReason = p.CalDecision is { InadmissibilityReason: not InadmissibilityReason.Unspecified } inadmissible
            ? SneCodes.Of(inadmissible.InadmissibilityReason)
            : null,
        CalDecisionDate = p.CalDecision?.DecisionDate,
        NotificationDate = p.CalDecision?.NotificationDate,
        OfferDate = p.Offer?.OfferDate,
        ResponseDeadline = p.Offer?.ResponseDeadline,
        OfferAnswer = p.Offer is { Answer: not OfferAnswer.Unspecified } answered ? StoredName.Of(answered.Answer) : null,
        AnswerDate = p.Offer?.AnswerDate,
        RefusalReason = p.Offer?.RefusalReason,
        LeaseDate = p.Lease?.LeaseDate,
        LeaseDalo = p.Lease?.Dalo,
        CollectiveAgreement = p.Lease is { } lease ? AttributionSneCodes.Of(lease.CollectiveAgreement) : null,
        LeaseReservationHolder = p.Lease is { } l ? AttributionSneCodes.Of(l.ReservationHolder) : null,
        p.InadmissibilityRadiationDue,
        p.ApplicationRevision,
        CreatedAt = p.CreatedAt.UtcDateTime,
        UpdatedAt = p.UpdatedAt.UtcDateTime,
    };
}
