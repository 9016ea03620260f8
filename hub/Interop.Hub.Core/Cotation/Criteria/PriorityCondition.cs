using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The application carries the priority flag <see cref="Flag"/>.</summary>
public sealed record PriorityCondition(PriorityFlag Flag) : ICriterionCondition
{
    public const string KindName = "priority";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var priority = subject.Household.Priority;
        return Flag switch
        {
            PriorityFlag.DaloActive => ConditionResult.When(priority.DaloStatus == DaloStatus.Active, "DALO actif"),
            _ => ConditionResult.When(priority.PriorityPublic, "public prioritaire"),
        };
    }
}
