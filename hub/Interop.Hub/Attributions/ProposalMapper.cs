using Google.Protobuf.WellKnownTypes;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Registry;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Attributions;

/// <summary>Proposals to contract messages. Domain and contract enums share their numbers, so enums are casts.</summary>
internal static class ProposalMapper
{
    public static V1.Proposal ToProto(ProposalRecord p) => new()
    {
        Name = ProposalName.Format(p.ApplicationNumber, p.Id),
        Landlord = "organizations/" + p.LandlordId,
        DwellingId = p.Candidate.DwellingId,
        CommuneCode = p.Candidate.CommuneCode,
        Typology = (V1.Typology)(int)p.Candidate.Typology,
        ReservationHolder = (V1.ReservationHolder)(int)p.Candidate.ReservationHolder,
        State = (V1.ProposalState)(int)p.State,
        CalDecision = p.CalDecision is { } d
            ? new V1.CalDecision
            {
                Outcome = (V1.CalOutcome)(int)d.Outcome,
                Rank = d.Rank,
                InadmissibilityReason = (V1.InadmissibilityReason)(int)d.InadmissibilityReason,
                DecisionDate = DateMapping.ToProto(d.DecisionDate),
                NotificationDate = DateMapping.ToProto(d.NotificationDate),
            }
            : null,
        Offer = p.Offer is { } o
            ? new V1.Offer
            {
                OfferDate = DateMapping.ToProto(o.OfferDate),
                ResponseDeadline = DateMapping.ToProto(o.ResponseDeadline),
                Answer = (V1.OfferAnswer)(int)o.Answer,
                AnswerDate = DateMapping.ToProto(o.AnswerDate),
                RefusalReason = o.RefusalReason ?? "",
            }
            : null,
        Lease = p.Lease is { } l
            ? new V1.Lease
            {
                LeaseDate = DateMapping.ToProto(l.LeaseDate),
                Dalo = l.Dalo,
                CollectiveAgreement = (V1.CollectiveAgreement)(int)l.CollectiveAgreement,
                ReservationHolder = (V1.ReservationHolder)(int)l.ReservationHolder,
            }
            : null,
        ApplicationRevision = p.ApplicationRevision,
        CreateTime = Timestamp.FromDateTimeOffset(p.CreatedAt),
        UpdateTime = Timestamp.FromDateTimeOffset(p.UpdatedAt),
    };

    /// <summary>What the change log records of a step: enough to tell the national registry, no personal data.</summary>
    public static object ChangeDetails(ProposalRecord p) => new
    {
        proposal = ProposalName.Format(p.ApplicationNumber, p.Id),
        state = p.State.ToString(),
        dwelling_id = p.Candidate.DwellingId,
        commune_code = p.Candidate.CommuneCode,
        reservation_holder = AttributionSneCodes.Of(p.Candidate.ReservationHolder),
        cal_outcome = p.CalDecision?.Outcome.ToString(),
        cal_rank = p.CalDecision?.Rank,
        lease = p.Lease is { } l
            ? new
            {
                lease_date = l.LeaseDate,
                dalo = l.Dalo,
                collective_agreement = AttributionSneCodes.Of(l.CollectiveAgreement),
                reservation_holder = AttributionSneCodes.Of(l.ReservationHolder),
            }
            : null,
    };
}
