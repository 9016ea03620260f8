using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>Famille monoparentale: no co-applicant, and at least one child in the household.</summary>
public sealed record SingleParentCondition : ICriterionCondition
{
    public const string KindName = "singleParent";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var children = subject.Household.Members.Count(member => member.Relationship == Relationship.Child);
        return ConditionResult.When(
            subject.Household.CoApplicant is null && children > 0,
            children == 1 ? "parent seul avec 1 enfant" : $"parent seul avec {children} enfants");
    }
}
