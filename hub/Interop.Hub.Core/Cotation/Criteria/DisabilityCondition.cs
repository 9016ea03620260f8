namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>A member of the household needs a dwelling accessible or adapted (<see cref="Need"/>).</summary>
public sealed record DisabilityCondition(DisabilityNeed Need) : ICriterionCondition
{
    public const string KindName = "disability";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var needs = subject.Household.Disability;
        var wheelchair = needs.WheelchairAccessRequired && Need is DisabilityNeed.Any or DisabilityNeed.Wheelchair;
        var adapted = needs.AdaptedDwellingRequired && Need is DisabilityNeed.Any or DisabilityNeed.Adapted;
        return wheelchair
            ? ConditionResult.Met("logement accessible en fauteuil roulant")
            : ConditionResult.When(adapted, "logement adapté au handicap");
    }
}
