namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>The outcome of a condition, with the facts it rests on in French for the explanation line.</summary>
/// <param name="Detail">« 5 personnes pour 2 pièces »; for <see cref="ConditionState.Unknown"/>, what is missing.</param>
/// <param name="Units">How many times the criterion's points count: 1, or the months of seniority.</param>
public sealed record ConditionResult(ConditionState State, string Detail, decimal Units)
{
    public static readonly ConditionResult NotMet = new(ConditionState.NotMet, "", 0);

    public static ConditionResult Met(string detail, decimal units = 1) => new(ConditionState.Met, detail, units);

    public static ConditionResult Unknown(string missing) => new(ConditionState.Unknown, missing, 0);

    public static ConditionResult When(bool met, string detail) => met ? Met(detail) : NotMet;
}
