namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// A situation the application's fields do not hold (job transfer, home–work distance, neighbourhood
/// problems): met as soon as someone in the grid's named role validates it, which grid loading requires;
/// until then the score shows no line for it.
/// </summary>
public sealed record DeclaredCondition : ICriterionCondition
{
    public const string KindName = "declared";

    public string Kind => KindName;

    public bool RestsOnValidationOnly => true;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day) => ConditionResult.Met("");
}
