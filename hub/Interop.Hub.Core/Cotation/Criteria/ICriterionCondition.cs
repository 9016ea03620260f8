namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The condition of one criterion kind, with the parameters its grid gave it. Pure: no clock, no I/O.</summary>
public interface ICriterionCondition
{
    /// <summary>The kind's name in grid files (<c>overcrowding</c>, <c>rentBurden</c>, …).</summary>
    string Kind { get; }

    /// <summary>Whether <paramref name="subject"/> meets the condition on <paramref name="day"/>.</summary>
    ConditionResult Evaluate(CotationSubject subject, DateOnly day);
}
