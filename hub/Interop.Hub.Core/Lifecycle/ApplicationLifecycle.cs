using System.Globalization;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Lifecycle;

/// <summary>
/// The life cycle of an application (domain §2.3–2.4 and the table of §13.2)
/// as pure functions: each step takes a record and the French date of today
/// and returns the new record, or refuses with
/// <see cref="PreconditionException.IllegalTransition"/> saying what is allowed
/// and from when. Keeping the rules here, away from storage and transport,
/// lets every path (API, jobs, attribution) share one reading of the law and
/// lets the boundary days be tested exactly.
/// </summary>
/// <remarks>
/// Steps never touch <see cref="ApplicationRecord.Revision"/> or the
/// timestamps: the store owns them, so that a step replayed on a stale copy
/// cannot fake a revision.
/// </remarks>
public static class ApplicationLifecycle
{
    private const int NoAnswerReactivationMonths = 5;
    private const int NotRenewedReactivationMonths = 18;

    /// <summary>Validity lasts one year from the first filing or the last renewal (R441-2-7 CCH).</summary>
    public static DateOnly ExpiryFrom(DateOnly validityStart) => validityStart.AddYears(1);

    /// <summary>Renewal opens one month before expiry, when the applicant is reminded (domain §2.3).</summary>
    public static DateOnly RenewalOpensOn(ApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.ExpiryDate.AddMonths(-1);
    }

    /// <summary>An application not renewed is struck off one month after expiry, 13 months after its validity start (domain §2.4).</summary>
    public static DateOnly NonRenewalRadiationDue(ApplicationRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.ExpiryDate.AddMonths(1);
    }

    /// <summary>A new application registered today at a desk: active, seniority from today, valid one year.</summary>
    public static ApplicationRecord Register(string number, string departement, string desk, DateOnly today, Household household) =>
        new()
        {
            Number = number,
            Departement = departement,
            RegisteringDesk = desk,
            Status = ApplicationStatus.Active,
            Revision = 1,
            FiledDate = today,
            ExpiryDate = ExpiryFrom(today),
            Household = household,
        };

    /// <summary>
    /// An application brought from elsewhere keeps its own number, filing date
    /// and last renewal, so its seniority survives the move; its expiry follows
    /// from them as for any other. One already past its expiry is imported
    /// active and left to the renewal job, like the hub's own.
    /// </summary>
    /// <exception cref="ValidationException">A date lies in the future or the renewal precedes the filing; the request validation should have caught it, this keeps the record sound regardless.</exception>
    public static ApplicationRecord Import(
        string number, string departement, string desk, DateOnly filed, DateOnly? lastRenewed, DateOnly today, Household household)
    {
        var violations = new Violations();
        if (filed > today)
        {
            violations.Add("application.filed_date", $"must not be after today ({Iso(today)}).");
        }

        if (lastRenewed is { } renewed && (renewed < filed || renewed > today))
        {
            violations.Add("application.last_renewed_date", $"must lie between the filing date ({Iso(filed)}) and today ({Iso(today)}).");
        }

        violations.ThrowIfAny();

        return new()
        {
            Number = number,
            Departement = departement,
            RegisteringDesk = desk,
            Status = ApplicationStatus.Active,
            Revision = 1,
            FiledDate = filed,
            LastRenewedDate = lastRenewed,
            ExpiryDate = ExpiryFrom(lastRenewed ?? filed),
            Household = household,
        };
    }

    /// <summary>Changes the household's content; number, seniority and validity are untouched (domain §2.2).</summary>
    public static ApplicationRecord Update(ApplicationRecord a, Household newHousehold)
    {
        ArgumentNullException.ThrowIfNull(a);
        RequireActive(a, "updated");
        return a with { Household = newHousehold };
    }

    /// <summary>
    /// Renews for one year from today, from one month before expiry (and
    /// until the non-renewal radiation, while still active). The filing date
    /// stays: renewal keeps the seniority (domain §2.3).
    /// </summary>
    public static ApplicationRecord Renew(ApplicationRecord a, DateOnly today, Household? newHousehold)
    {
        ArgumentNullException.ThrowIfNull(a);
        RequireActive(a, "renewed");
        var opens = RenewalOpensOn(a);
        if (today < opens)
        {
            throw Illegal(a, $"{Subject(a)} can be renewed from {Iso(opens)}, one month before it expires on {Iso(a.ExpiryDate)}; not on {Iso(today)}.");
        }

        return RenewedAsOf(a, today) with { Household = newHousehold ?? a.Household };
    }

    /// <summary>
    /// Strikes an active application off for one of the legal reasons, each
    /// given only by the actor and at the time the law assigns to it (domain
    /// §13.2). The household stays until the retention job erases it.
    /// </summary>
    /// <param name="a">The application.</param>
    /// <param name="reason">The legal reason.</param>
    /// <param name="warningLetterDate">With <see cref="RadiationReason.NoAnswer"/>: the date of the warning letter; ignored otherwise.</param>
    /// <param name="sub">With <see cref="RadiationReason.Inadmissibility"/>: why the CAL found it inadmissible; ignored otherwise.</param>
    /// <param name="actor">Who asks.</param>
    /// <param name="today">The French date of today, recorded as the radiation date.</param>
    /// <exception cref="ValidationException">The reason, the warning letter date or the sub-reason is missing or impossible.</exception>
    /// <exception cref="PreconditionException">The actor may not give this reason, the application is not active, or it is too early.</exception>
    public static ApplicationRecord Radiate(
        ApplicationRecord a, RadiationReason reason, DateOnly? warningLetterDate, InadmissibilityReason sub, ActorKind actor, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (reason == RadiationReason.Unspecified || !Enum.IsDefined(reason))
        {
            throw new ValidationException("reason", "is required: one of the legal radiation reasons.");
        }

        RequireActorMayGive(a, reason, actor);
        var national = actor == ActorKind.NationalRegistry;
        var letter = reason == RadiationReason.NoAnswer && !national ? RequireWarningLetter(warningLetterDate, today) : (DateOnly?)null;
        var subReason = reason == RadiationReason.Inadmissibility ? RequireSubReason(sub) : InadmissibilityReason.Unspecified;
        RequireActive(a, "radiated");

        if (letter is { } sent && today < sent.AddMonths(1))
        {
            throw Illegal(a, $"A radiation for no answer (RADCON) is allowed one month after the warning letter of {Iso(sent)}, from {Iso(sent.AddMonths(1))}; not on {Iso(today)}.");
        }

        if (reason == RadiationReason.NotRenewed && !national && today < NonRenewalRadiationDue(a))
        {
            throw Illegal(a, $"{Subject(a)} expires on {Iso(a.ExpiryDate)}; a radiation for non-renewal (RADREN) is allowed one month later, from {Iso(NonRenewalRadiationDue(a))}; not on {Iso(today)}.");
        }

        return a with
        {
            Status = ApplicationStatus.Radiated,
            Radiation = new Radiation(reason, today, letter, subReason),
        };
    }

    /// <summary>
    /// Brings a radiated application back with its number and seniority,
    /// within the tolerances the SNE grants (domain §2.4): 5 months after a
    /// no-answer radiation, 18 months after the validity start for a
    /// non-renewal. A reactivated application is valid again: one whose
    /// validity has run out is renewed as of today.
    /// </summary>
    public static ApplicationRecord Reactivate(ApplicationRecord a, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        if (a.Status != ApplicationStatus.Radiated || a.Radiation is null)
        {
            throw Illegal(a, $"Only an application radiated for no answer (RADCON) or non-renewal (RADREN) can be reactivated; {Subject(a)} is {Describe(a)}.");
        }

        var radiation = a.Radiation;
        switch (radiation.Reason)
        {
            case RadiationReason.NoAnswer:
                var noAnswerDeadline = radiation.Date.AddMonths(NoAnswerReactivationMonths);
                if (today > noAnswerDeadline)
                {
                    throw Illegal(a, $"An application radiated for no answer (RADCON) can be reactivated within {NoAnswerReactivationMonths} months of its radiation; {Subject(a)} was radiated on {Iso(radiation.Date)}, so until {Iso(noAnswerDeadline)}; today is {Iso(today)}.");
                }

                var back = a with { Status = ApplicationStatus.Active, Radiation = null };
                return back.ExpiryDate < today ? RenewedAsOf(back, today) : back;

            case RadiationReason.NotRenewed:
                var notRenewedDeadline = a.ValidityStart.AddMonths(NotRenewedReactivationMonths);
                if (today > notRenewedDeadline)
                {
                    throw Illegal(a, $"An application radiated for non-renewal (RADREN) can be reactivated until {NotRenewedReactivationMonths} months after its last filing or renewal; for {Subject(a)}, filed or renewed on {Iso(a.ValidityStart)}, that was until {Iso(notRenewedDeadline)}; today is {Iso(today)}.");
                }

                return RenewedAsOf(a with { Status = ApplicationStatus.Active, Radiation = null }, today);

            default:
                throw Illegal(a, $"An application radiated for {ReasonText(radiation.Reason)} cannot be reactivated; only no answer (RADCON) or non-renewal (RADREN) radiations can. A new application gets a new number.");
        }
    }

    /// <summary>Whether the hub's renewal job must strike the application off today (RADREN).</summary>
    public static bool IsDueForNonRenewalRadiation(ApplicationRecord a, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Status == ApplicationStatus.Active && today >= NonRenewalRadiationDue(a);
    }

    private static ApplicationRecord RenewedAsOf(ApplicationRecord a, DateOnly today) =>
        a with { LastRenewedDate = today, ExpiryDate = ExpiryFrom(today) };

    private static void RequireActive(ApplicationRecord a, string verb)
    {
        if (a.Status != ApplicationStatus.Active)
        {
            throw Illegal(a, $"Only an active application can be {verb}; {Subject(a)} is {Describe(a)}.");
        }
    }

    private static void RequireActorMayGive(ApplicationRecord a, RadiationReason reason, ActorKind actor)
    {
        var allowed = actor switch
        {
            ActorKind.Organisation => reason is RadiationReason.Renunciation or RadiationReason.NoAnswer,
            ActorKind.Hub => reason is RadiationReason.NotRenewed or RadiationReason.Inadmissibility or RadiationReason.Attribution,
            ActorKind.NationalRegistry => true,
            _ => false,
        };

        if (!allowed)
        {
            throw Illegal(a, actor == ActorKind.Organisation
                ? $"An organisation may radiate only for renunciation (RADABA) or no answer to a warning letter (RADCON); {ReasonText(reason)} is recorded by the hub itself."
                : $"Radiation for {ReasonText(reason)} is recorded by the registering organisation concerned, not by the hub.");
        }
    }

    private static DateOnly RequireWarningLetter(DateOnly? warningLetterDate, DateOnly today)
    {
        if (warningLetterDate is not { } letter)
        {
            throw new ValidationException("warning_letter_date", "is required with RADIATION_REASON_NO_ANSWER: the date of the warning letter.");
        }

        if (letter > today)
        {
            throw new ValidationException("warning_letter_date", $"must not be after today ({Iso(today)}).");
        }

        return letter;
    }

    private static InadmissibilityReason RequireSubReason(InadmissibilityReason sub)
    {
        if (sub == InadmissibilityReason.Unspecified || !Enum.IsDefined(sub))
        {
            throw new ValidationException("inadmissibility_reason", "is required with RADIATION_REASON_INADMISSIBILITY: income above the ceiling (IRRRES) or irregular residence (IRRSEJ).");
        }

        return sub;
    }

    private static PreconditionException Illegal(ApplicationRecord a, string message) =>
        PreconditionException.IllegalTransition(Subject(a), message);

    private static string Subject(ApplicationRecord a) => $"applications/{a.Number}";

    private static string Describe(ApplicationRecord a) => a.Status switch
    {
        ApplicationStatus.Active => "active",
        ApplicationStatus.Radiated when a.Radiation is { } r => $"radiated for {ReasonText(r.Reason)} since {Iso(r.Date)}",
        ApplicationStatus.Radiated => "radiated",
        ApplicationStatus.Merged => a.MergedInto is { } survivor ? $"merged into applications/{survivor}" : "merged",
        ApplicationStatus.Erased => "erased",
        _ => "in no known status",
    };

    private static string ReasonText(RadiationReason reason) => reason switch
    {
        RadiationReason.Attribution => "attribution (RADATT)",
        RadiationReason.Renunciation => "renunciation (RADABA)",
        RadiationReason.NoAnswer => "no answer (RADCON)",
        RadiationReason.Inadmissibility => "inadmissibility (RADIRR)",
        RadiationReason.NotRenewed => "non-renewal (RADREN)",
        _ => "an unknown reason",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
