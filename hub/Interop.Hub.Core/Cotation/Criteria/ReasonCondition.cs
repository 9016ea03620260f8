namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The application gives one of <see cref="ReasonCodes"/> (SNE ListeMotifDemande, <c>01</c>…<c>23</c>) as a reason.</summary>
public sealed record ReasonCondition(IReadOnlySet<string> ReasonCodes) : ICriterionCondition
{
    public const string KindName = "reason";

    public string Kind => KindName;

    public static bool IsReasonCode(string code) =>
        code.Length == 2 && code.All(char.IsAsciiDigit) && int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) is >= 1 and <= 23;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        var given = subject.Household.ReasonCodes.Where(ReasonCodes.Contains).ToList();
        return ConditionResult.When(given.Count > 0, "motif " + string.Join(", ", given));
    }
}
