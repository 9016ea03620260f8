using Grpc.Core;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Time;
using Interop.Hub.Core.Validation;
using Interop.Hub.Registry;
using Interop.Hub.Storage.Changes;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Attributions;

internal sealed partial class AttributionService
{
    public override Task<V1.Proposal> RecordCalDecision(V1.RecordCalDecisionRequest request, ServerCallContext context)
    {
        var violations = Common(request.RequestId, request.Name, request.ExpectedRevision, out var name);
        var decision = request.Decision ?? new V1.CalDecision();
        if (request.Decision is null)
        {
            violations.Add("decision", "is required: the CAL's outcome and the date of its meeting.");
        }

        var parsed = AttributionValidator.Decision(
            EnumMapping.ToDomain<CalOutcome>((int)decision.Outcome, "decision.outcome", violations),
            decision.Rank,
            EnumMapping.ToDomain<InadmissibilityReason>((int)decision.InadmissibilityReason, "decision.inadmissibility_reason", violations),
            DateMapping.ToDateOnly(decision.DecisionDate, "decision.decision_date", violations),
            DateMapping.ToDateOnly(decision.NotificationDate, "decision.notification_date", violations),
            FrenchCalendar.Today(time),
            violations);
        violations.ThrowIfAny();

        return StepAsync(
            context, request, request.RequestId, nameof(RecordCalDecision), name!, request.ExpectedRevision, ChangeKind.CalDecided,
            (proposal, application, leaseHolder, _) =>
                (AttributionPath.Decide(proposal, application, proposal.LandlordId, leaseHolder, parsed!), application));
    }

    public override Task<V1.Proposal> RecordOffer(V1.RecordOfferRequest request, ServerCallContext context)
    {
        var violations = Common(request.RequestId, request.Name, request.ExpectedRevision, out var name);
        if (request.Offer is null)
        {
            violations.Add("offer", "is required: the offer date and the response deadline.");
        }

        var offer = AttributionValidator.Offer(
            DateMapping.ToDateOnly(request.Offer?.OfferDate, "offer.offer_date", violations),
            DateMapping.ToDateOnly(request.Offer?.ResponseDeadline, "offer.response_deadline", violations),
            FrenchCalendar.Today(time),
            violations);
        violations.ThrowIfAny();

        return StepAsync(
            context, request, request.RequestId, nameof(RecordOffer), name!, request.ExpectedRevision, ChangeKind.Offered,
            (proposal, application, leaseHolder, _) =>
                (AttributionPath.MakeOffer(proposal, application, proposal.LandlordId, leaseHolder, offer!), application));
    }

    public override Task<V1.Proposal> RecordOfferResponse(V1.RecordOfferResponseRequest request, ServerCallContext context)
    {
        var violations = Common(request.RequestId, request.Name, request.ExpectedRevision, out var name);
        var answer = EnumMapping.ToDomain<OfferAnswer>((int)request.Answer, "answer", violations);
        var answerDate = DateMapping.ToDateOnly(request.AnswerDate, "answer_date", violations);
        AttributionValidator.Answer(answer, answerDate, request.RefusalReason, FrenchCalendar.Today(time), violations);
        violations.ThrowIfAny();

        return StepAsync(
            context, request, request.RequestId, nameof(RecordOfferResponse), name!, request.ExpectedRevision, ChangeKind.OfferAnswered,
            (proposal, application, leaseHolder, today) =>
                (AttributionPath.Answer(proposal, application, proposal.LandlordId, leaseHolder, answer, answerDate, request.RefusalReason, today), application));
    }

    public override Task<V1.Proposal> RecordLeaseSigned(V1.RecordLeaseSignedRequest request, ServerCallContext context)
    {
        var violations = Common(request.RequestId, request.Name, request.ExpectedRevision, out var name);
        var lease = request.Lease ?? new V1.Lease();
        if (request.Lease is null)
        {
            violations.Add("lease", "is required: the lease date, the collective agreement and the reservation holder.");
        }

        var parsed = AttributionValidator.Lease(
            DateMapping.ToDateOnly(lease.LeaseDate, "lease.lease_date", violations),
            lease.Dalo,
            EnumMapping.ToDomain<CollectiveAgreement>((int)lease.CollectiveAgreement, "lease.collective_agreement", violations),
            EnumMapping.ToDomain<ReservationHolder>((int)lease.ReservationHolder, "lease.reservation_holder", violations),
            FrenchCalendar.Today(time),
            violations);
        violations.ThrowIfAny();

        // The radiation (RADATT) is this step's change: it goes on the feed as
        // a radiation, so subscribers listening for radiations see it.
        return StepAsync(
            context, request, request.RequestId, nameof(RecordLeaseSigned), name!, request.ExpectedRevision, ChangeKind.Radiated,
            (proposal, application, leaseHolder, today) =>
                AttributionPath.SignLease(proposal, application, proposal.LandlordId, leaseHolder, parsed!, today));
    }

    private static Violations Common(string requestId, string proposalName, long expectedRevision, out ProposalName? name)
    {
        var violations = new Violations();
        RequestRules.RequestId(requestId, violations);
        name = ProposalName.Parse(proposalName, "name", violations);
        RequestRules.ExpectedRevision(expectedRevision, violations);
        return violations;
    }
}
