namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The condition of one criterion kind, with the parameters its grid gave it. Pure: no clock, no I/O.</summary>
public interface ICriterionCondition
{
    /// <summary>The kind's name in grid files (<c>overcrowding</c>, <c>rentBurden</c>, …).</summary>
    string Kind { get; }

    /// <summary>
    /// True when only a validation can tell whether the criterion holds (nothing in the application does):
    /// such a criterion shows no line at all until validated, instead of « en attente » on every application.
    /// </summary>
    bool RestsOnValidationOnly => false;

    /// <summary>Whether <paramref name="subject"/> meets the condition on <paramref name="day"/>.</summary>
    ConditionResult Evaluate(CotationSubject subject, DateOnly day);

    /// <summary>
    /// The first day after <paramref name="day"/> on which <see cref="Evaluate"/> may answer otherwise for the
    /// same <paramref name="subject"/> (the date alone moved it: a month of seniority, a birthday); null when
    /// only a change of the application can. Stored scores are exact until then (ScoreFreshness).
    /// </summary>
    DateOnly? ChangesAfter(CotationSubject subject, DateOnly day) => null;
}
