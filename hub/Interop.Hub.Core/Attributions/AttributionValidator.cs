using System.Globalization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Numbering;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Attributions;

/// <summary>
/// The field rules of each step of the attribution path, checked before
/// anything is read or written, so every bad field of a request is named at
/// once. The rules that depend on earlier steps (an offer after the CAL's
/// decision) belong to <see cref="AttributionPath"/>.
/// </summary>
public static class AttributionValidator
{
    /// <summary>R441-10 CCH: an offer gives the household at least ten days to answer.</summary>
    public const int MinimumResponseDays = 10;

    public const int MaxRefusalReasonLength = 500;

    /// <summary>
    /// The latest response deadline, in months after the offer: the law sets
    /// a minimum only, but a deadline years away is a typing mistake, and
    /// dates far in the future leave no room for the date arithmetic of the
    /// answer (silence counts from the day after the deadline).
    /// </summary>
    public const int MaxResponseMonths = 12;

    private const int MaxDwellingIdLength = 30;

    public static Candidate Candidate(
        string? dwellingId, string? communeCode, Typology typology, ReservationHolder holder, string prefix, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var dwelling = (dwellingId ?? "").Trim().ToUpperInvariant();
        if (dwelling.Length == 0)
        {
            v.Add($"{prefix}.dwelling_id", "is required: the dwelling's identifier in the RPLS directory.");
        }
        else if (dwelling.Length > MaxDwellingIdLength || !dwelling.All(char.IsAsciiLetterOrDigit))
        {
            v.Add($"{prefix}.dwelling_id", $"must be 1 to {MaxDwellingIdLength} letters and digits (the RPLS identifier).");
        }

        var commune = (communeCode ?? "").Trim().ToUpperInvariant();
        if (!InseeCodes.IsCommuneCode(commune))
        {
            v.Add($"{prefix}.commune_code", "is required: the INSEE code of the dwelling's commune (5 characters, such as 14118).");
        }

        if (typology == Typology.Unspecified)
        {
            v.Add($"{prefix}.typology", "is required: the dwelling's typology (C, T1…T5, T6P).");
        }

        if (holder == ReservationHolder.Unspecified)
        {
            v.Add($"{prefix}.reservation_holder", "is required: the contingent of the dwelling (COLTER, COLACT, PPRIOR, PFONCT, AUTRES or AUCUN).");
        }

        return new Candidate(dwelling, commune, typology, holder);
    }

    public static CalDecision? Decision(
        CalOutcome outcome, int rank, InadmissibilityReason sub, DateOnly? decisionDate, DateOnly? notificationDate, DateOnly today, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (outcome == CalOutcome.Unspecified)
        {
            v.Add("decision.outcome", "is required: attribution, ranked attribution, attribution under suspensive condition, non-attribution or inadmissibility.");
        }

        if (outcome == CalOutcome.RankedAttribution && rank is < 1 or > 3)
        {
            v.Add("decision.rank", "must be 1, 2 or 3 with CAL_OUTCOME_RANKED_ATTRIBUTION.");
        }
        else if (outcome != CalOutcome.RankedAttribution && rank != 0)
        {
            v.Add("decision.rank", "is only given with CAL_OUTCOME_RANKED_ATTRIBUTION.");
        }

        var inadmissible = outcome == CalOutcome.Inadmissibility;
        if (inadmissible && sub == InadmissibilityReason.Unspecified)
        {
            v.Add("decision.inadmissibility_reason", "is required with CAL_OUTCOME_INADMISSIBILITY: income above the ceiling (IRRRES) or irregular residence (IRRSEJ).");
        }
        else if (!inadmissible && sub != InadmissibilityReason.Unspecified)
        {
            v.Add("decision.inadmissibility_reason", "is only given with CAL_OUTCOME_INADMISSIBILITY.");
        }

        NotAfterToday(decisionDate, "decision.decision_date", "the date of the CAL meeting", today, v);
        if (inadmissible)
        {
            // The one-month warning runs from the notification: without it the
            // hub could not know when to radiate.
            NotAfterToday(notificationDate, "decision.notification_date", "the date the household was notified of the rejection", today, v);
            if (notificationDate < decisionDate)
            {
                v.Add("decision.notification_date", $"must not be before the decision ({Iso(decisionDate!.Value)}).");
            }
        }
        else if (notificationDate is not null)
        {
            v.Add("decision.notification_date", "is only given with CAL_OUTCOME_INADMISSIBILITY.");
        }

        return v.Any ? null : new CalDecision(outcome, rank, sub, decisionDate!.Value, inadmissible ? notificationDate : null);
    }

    public static Offer? Offer(DateOnly? offerDate, DateOnly? deadline, DateOnly today, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        NotAfterToday(offerDate, "offer.offer_date", "the date the offer was made", today, v);
        if (deadline is null)
        {
            v.Add("offer.response_deadline", $"is required: at least {MinimumResponseDays} days after the offer date.");
        }
        else if (offerDate is { } made && made <= today)
        {
            // Measured from a valid offer date only: a date far in the future is refused above and leaves no room for arithmetic.
            if (deadline < made.AddDays(MinimumResponseDays))
            {
                v.Add(
                    "offer.response_deadline",
                    $"must be at least {MinimumResponseDays} days after the offer date (R441-10 CCH): {Iso(made.AddDays(MinimumResponseDays))} or later, not {Iso(deadline.Value)}.");
            }
            else if (deadline > made.AddMonths(MaxResponseMonths))
            {
                v.Add("offer.response_deadline", $"must be at most {MaxResponseMonths} months after the offer date: {Iso(made.AddMonths(MaxResponseMonths))} or earlier.");
            }
        }

        return v.Any ? null : new Offer(offerDate!.Value, deadline!.Value);
    }

    public static void Answer(OfferAnswer answer, DateOnly? answerDate, string? refusalReason, DateOnly today, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        if (answer == OfferAnswer.Unspecified)
        {
            v.Add("answer", "is required: accepted, refused, or no answer by the deadline.");
        }

        if (answer is OfferAnswer.Accepted or OfferAnswer.Refused)
        {
            NotAfterToday(answerDate, "answer_date", "the date of the household's answer", today, v);
        }

        var reason = refusalReason?.Trim() ?? "";
        if (answer == OfferAnswer.Refused && reason.Length == 0)
        {
            v.Add("refusal_reason", "is required with OFFER_ANSWER_REFUSED: why the household refused.");
        }
        else if (answer != OfferAnswer.Refused && reason.Length > 0)
        {
            v.Add("refusal_reason", "is only given with OFFER_ANSWER_REFUSED.");
        }

        FieldRules.Text(reason, "refusal_reason", MaxRefusalReasonLength, v);
    }

    public static Lease? Lease(DateOnly? leaseDate, bool dalo, CollectiveAgreement agreement, ReservationHolder holder, DateOnly today, Violations v)
    {
        ArgumentNullException.ThrowIfNull(v);
        NotAfterToday(leaseDate, "lease.lease_date", "the date the lease was signed", today, v);
        if (agreement == CollectiveAgreement.Unspecified)
        {
            v.Add("lease.collective_agreement", "is required: ACD, ACI, AUCUN or NONDOC (what the national registry records).");
        }

        if (holder == ReservationHolder.Unspecified)
        {
            v.Add("lease.reservation_holder", "is required: the contingent charged with this attribution.");
        }

        return v.Any ? null : new Lease(leaseDate!.Value, dalo, agreement, holder);
    }

    private static void NotAfterToday(DateOnly? date, string field, string what, DateOnly today, Violations v)
    {
        if (date is null)
        {
            v.Add(field, $"is required: {what}.");
        }
        else if (date > today)
        {
            v.Add(field, $"must not be after today ({Iso(today)}).");
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
