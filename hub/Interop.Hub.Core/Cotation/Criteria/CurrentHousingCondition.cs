using Interop.Hub.Core.Applications;

namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The household's current housing is one of <see cref="Situations"/> (SNE codes in the grid file).</summary>
public sealed record CurrentHousingCondition(IReadOnlySet<HousingSituation> Situations) : ICriterionCondition
{
    public const string KindName = "currentHousing";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var current = subject.Household.CurrentHousing;
        return ConditionResult.When(Situations.Contains(current), $"{HousingCodes.LabelOf(current)}, {HousingCodes.CodeOf(current)}");
    }
}
