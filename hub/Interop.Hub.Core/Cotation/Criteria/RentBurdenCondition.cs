namespace Interop.Hub.Core.Cotation.Criteria;

/// <summary>
/// Taux d'effort: the current rent takes at least <see cref="MinPercent"/> % of the household's monthly
/// resources, and less than <see cref="MaxPercent"/> % when a band is given (so that cumulative grids can
/// score bands without counting twice). A rent with no resources at all is over any threshold.
/// </summary>
public sealed record RentBurdenCondition(decimal MinPercent, decimal? MaxPercent) : ICriterionCondition
{
    public const string KindName = "rentBurden";

    public string Kind => KindName;

    public ConditionResult Evaluate(CotationSubject subject, DateOnly day)
    {
        if (subject.CurrentDwelling.MonthlyRentEur is not { } rent)
        {
            return ConditionResult.Unknown("loyer actuel non renseigné");
        }

        var income = subject.Household.Resources.MonthlyIncomeEur;
        var detail = $"loyer {Wording.Euros(rent)} pour {Wording.Euros(income)} de ressources mensuelles";
        if (income <= 0)
        {
            return ConditionResult.When(rent > 0 && MaxPercent is null, $"taux d'effort non borné : {detail}");
        }

        // Compared by multiplying, never through the rounded quotient: 495 € of 1 500 € is exactly 33 %
        // and must meet a 33 % threshold.
        var scaledRent = rent * 100m;
        var met = scaledRent >= MinPercent * income && (MaxPercent is null || scaledRent < MaxPercent * income);
        var burden = Math.Round(scaledRent / income, 1);
        return ConditionResult.When(met, $"taux d'effort de {Wording.Number(burden)} % : {detail}");
    }
}
