using System.Globalization;
using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;

namespace Interop.Hub.Core.Attributions;

/// <summary>
/// The attribution path of one proposal (domain §4.2–4.3, §2.4) as pure
/// functions: which step may follow which, who may record it, and what a
/// signed lease does to the application. Like
/// <see cref="ApplicationLifecycle"/>, steps never touch revisions or
/// timestamps; the store owns them.
/// </summary>
/// <remarks>
/// <code>
/// PROPOSED ─┬─ attribution (plain, ranked, suspensive) → ATTRIBUTED → OFFERED ─┬─ accepted → OFFER_ACCEPTED → LEASE_SIGNED (RADATT)
///           ├─ non-attribution → NOT_ATTRIBUTED                               └─ refused / silence → OFFER_REFUSED
///           └─ inadmissibility → REJECTED_INADMISSIBLE (RADIRR one month after notification)
/// </code>
/// </remarks>
public static class AttributionPath
{
    /// <summary>The warning before a radiation for inadmissibility lasts one month from its notification (R441-2-8 d).</summary>
    public static DateOnly InadmissibilityRadiationDue(DateOnly notificationDate) => notificationDate.AddMonths(1);

    /// <summary>A landlord proposes the household of an active application for one of its dwellings.</summary>
    /// <param name="leaseHolder">The organisation holding a signed lease for the application, if any.</param>
    public static ProposalRecord Propose(ApplicationRecord application, Organization caller, string? leaseHolder, Guid id, Candidate candidate)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Kind != OrganizationKind.Landlord)
        {
            // CAL decisions, offers and leases are a landlord's acts (domain §4.2);
            // reservation holders designate through the landlord's ERP.
            throw new PermissionDeniedException($"Organisation {caller.Id} ({caller.Kind}) may not propose candidates: only landlords report their attribution path.");
        }

        RequireOpen(application, caller.Id, leaseHolder);
        return new ProposalRecord
        {
            Id = id,
            ApplicationNumber = application.Number,
            LandlordId = caller.Id,
            Candidate = candidate,
            State = ProposalState.Proposed,
        };
    }

    /// <summary>The CAL's decision on a proposed candidate; an inadmissibility starts the one-month warning.</summary>
    public static ProposalRecord Decide(ProposalRecord proposal, ApplicationRecord application, string callerId, string? leaseHolder, CalDecision decision)
    {
        ArgumentNullException.ThrowIfNull(decision);
        RequireStep(proposal, application, callerId, leaseHolder, ProposalState.Proposed, "record a CAL decision");
        var state = decision.Outcome switch
        {
            CalOutcome.Attribution or CalOutcome.RankedAttribution or CalOutcome.ConditionalAttribution => ProposalState.Attributed,
            CalOutcome.NonAttribution => ProposalState.NotAttributed,
            CalOutcome.Inadmissibility => ProposalState.RejectedInadmissible,
            _ => throw new ValidationException("decision.outcome", "is not a known CAL decision."),
        };

        return proposal with
        {
            State = state,
            CalDecision = decision,
            InadmissibilityRadiationDue = state == ProposalState.RejectedInadmissible
                ? InadmissibilityRadiationDue(decision.NotificationDate!.Value)
                : null,
        };
    }

    /// <summary>The offer made after the CAL attributed the dwelling to the candidate.</summary>
    public static ProposalRecord MakeOffer(ProposalRecord proposal, ApplicationRecord application, string callerId, string? leaseHolder, Offer offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        RequireStep(proposal, application, callerId, leaseHolder, ProposalState.Attributed, "record an offer");
        var decided = proposal.CalDecision!.DecisionDate;
        if (offer.OfferDate < decided)
        {
            throw new ValidationException("offer.offer_date", $"must not be before the CAL's decision of {Iso(decided)}.");
        }

        return proposal with { State = ProposalState.Offered, Offer = offer };
    }

    /// <summary>
    /// The household's answer. An answer counts only by the deadline; after
    /// it, silence is a refusal (R441-10 CCH), recorded from the day after.
    /// </summary>
    public static ProposalRecord Answer(
        ProposalRecord proposal, ApplicationRecord application, string callerId, string? leaseHolder,
        OfferAnswer answer, DateOnly? answerDate, string? refusalReason, DateOnly today)
    {
        RequireStep(proposal, application, callerId, leaseHolder, ProposalState.Offered, "record the answer to an offer");
        var offer = proposal.Offer!;
        if (answer == OfferAnswer.NoAnswer)
        {
            if (today <= offer.ResponseDeadline)
            {
                throw PreconditionException.IllegalTransition(
                    Name(proposal),
                    $"The household has until {Iso(offer.ResponseDeadline)} to answer; silence counts as a refusal from {Iso(offer.ResponseDeadline.AddDays(1))}, not on {Iso(today)}.");
            }

            return proposal with { State = ProposalState.OfferRefused, Offer = offer with { Answer = answer, AnswerDate = today } };
        }

        var date = answerDate!.Value;
        if (date < offer.OfferDate || date > offer.ResponseDeadline)
        {
            throw new ValidationException(
                "answer_date",
                $"must lie between the offer ({Iso(offer.OfferDate)}) and its deadline ({Iso(offer.ResponseDeadline)}); after the deadline silence counts as a refusal: record OFFER_ANSWER_NO_ANSWER.");
        }

        return proposal with
        {
            State = answer == OfferAnswer.Accepted ? ProposalState.OfferAccepted : ProposalState.OfferRefused,
            Offer = offer with { Answer = answer, AnswerDate = date, RefusalReason = answer == OfferAnswer.Refused ? refusalReason!.Trim() : null },
        };
    }

    /// <summary>
    /// The signed lease of an accepted offer: the landlord's proposal closes
    /// and the hub radiates the application for attribution (RADATT) at once,
    /// as R441-2-8 a) requires "as soon as the lease is signed".
    /// </summary>
    public static (ProposalRecord Proposal, ApplicationRecord Application) SignLease(
        ProposalRecord proposal, ApplicationRecord application, string callerId, string? leaseHolder, Lease lease, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(lease);
        RequireStep(proposal, application, callerId, leaseHolder, ProposalState.OfferAccepted, "record a signed lease");
        var accepted = proposal.Offer!.AnswerDate!.Value;
        if (lease.LeaseDate < accepted)
        {
            throw new ValidationException("lease.lease_date", $"must not be before the household accepted the offer ({Iso(accepted)}).");
        }

        var radiated = ApplicationLifecycle.Radiate(
            application, RadiationReason.Attribution, null, InadmissibilityReason.Unspecified, ActorKind.Hub, today);
        return (proposal with { State = ProposalState.LeaseSigned, Lease = lease }, radiated);
    }

    /// <summary>Whether the RADIRR job must radiate the application of this proposal today.</summary>
    public static bool IsDueForInadmissibilityRadiation(ProposalRecord proposal, ApplicationRecord application, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        ArgumentNullException.ThrowIfNull(application);
        return proposal.State == ProposalState.RejectedInadmissible
            && proposal.InadmissibilityRadiationDue is { } due
            && today >= due
            && application.Status == ApplicationStatus.Active;
    }

    /// <summary>Only the landlord that made a proposal records its next steps: the proposal and its decisions are its own.</summary>
    /// <exception cref="PermissionDeniedException">Another organisation asks.</exception>
    public static void RequireOwner(ProposalRecord proposal, string callerId)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        if (proposal.LandlordId != callerId)
        {
            throw new PermissionDeniedException(
                $"Organisation {callerId} may not record steps of {Name(proposal)}: only the landlord that proposed the candidate ({proposal.LandlordId}) does.");
        }
    }

    /// <summary>
    /// The attribution path runs only on an active application. When it was
    /// radiated because another landlord signed a lease, the refusal says so
    /// and names that landlord: reading the application again would not help,
    /// the household is housed.
    /// </summary>
    /// <exception cref="PreconditionException"><see cref="ErrorReasons.AttributedElsewhere"/>, or <see cref="ErrorReasons.IllegalTransition"/>.</exception>
    public static void RequireOpen(ApplicationRecord application, string callerId, string? leaseHolder)
    {
        ArgumentNullException.ThrowIfNull(application);
        var subject = $"applications/{application.Number}";
        if (application is { Status: ApplicationStatus.Radiated, Radiation.Reason: RadiationReason.Attribution }
            && leaseHolder is not null && leaseHolder != callerId)
        {
            throw new PreconditionException(
                ErrorReasons.AttributedElsewhere,
                subject,
                $"{subject} is attributed elsewhere: organizations/{leaseHolder} signed a lease with the household and the application was radiated (RADATT) on {Iso(application.Radiation.Date)}.");
        }

        if (application.Status != ApplicationStatus.Active)
        {
            throw PreconditionException.IllegalTransition(
                subject, $"The attribution path runs only on an active application; {subject} is {application.Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static void RequireStep(
        ProposalRecord proposal, ApplicationRecord application, string callerId, string? leaseHolder, ProposalState expected, string what)
    {
        ArgumentNullException.ThrowIfNull(proposal);
        RequireOwner(proposal, callerId);
        RequireOpen(application, callerId, leaseHolder);
        if (proposal.State != expected)
        {
            throw PreconditionException.IllegalTransition(
                Name(proposal), $"Cannot {what} on {Name(proposal)}: it is {Describe(proposal.State)}; that step follows {Describe(expected)}.");
        }
    }

    private static string Name(ProposalRecord p) => $"applications/{p.ApplicationNumber}/proposals/{p.Id}";

    private static string Describe(ProposalState state) => state switch
    {
        ProposalState.Proposed => "proposed, awaiting the CAL's decision",
        ProposalState.Attributed => "attributed by the CAL, awaiting the offer",
        ProposalState.NotAttributed => "not attributed by the CAL (final)",
        ProposalState.RejectedInadmissible => "rejected for inadmissibility (final)",
        ProposalState.Offered => "offered, awaiting the household's answer",
        ProposalState.OfferAccepted => "accepted by the household, awaiting the lease",
        ProposalState.OfferRefused => "refused by the household (final)",
        ProposalState.LeaseSigned => "closed by a signed lease (final)",
        _ => "in no known state",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
