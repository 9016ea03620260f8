using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;

namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>
/// Ranks applications for a dwelling: the eligible ones by score, highest first. Tied scores go to the
/// earlier filing date (the older application has waited longer, which is what seniority criteria
/// reward anyway), then to the number, so the order never depends on how rows were read.
/// </summary>
/// <remarks>
/// Eligible: active; wishes the dwelling's commune and typology; the rent takes at most the profile's
/// share of monthly resources; the reference taxable income is within the ceiling when the profile gives
/// one; on the préfet's priority contingent (<c>PPRIOR</c>), DALO « actif » or priority public. The score
/// is a decision aid: the CAL stays sovereign (domain.md §5).
/// </remarks>
public static class CandidateRanker
{
    public static RankingResult Rank(IEnumerable<ScoredSubject> candidates, DwellingProfile dwelling, int limit = int.MaxValue)
    {
        var eligible = new List<(ScoredSubject Candidate, List<string> Reasons)>();
        var excluded = new List<ExcludedCandidate>();
        foreach (var candidate in candidates)
        {
            var (reasons, refusals) = Examine(candidate, dwelling);
            if (refusals.Count > 0)
            {
                excluded.Add(new ExcludedCandidate(candidate.Subject.Number, refusals));
            }
            else
            {
                eligible.Add((candidate, reasons));
            }
        }

        var ranked = eligible
            .OrderByDescending(entry => entry.Candidate.Score.Total)
            .ThenBy(entry => entry.Candidate.Subject.FiledDate)
            .ThenBy(entry => entry.Candidate.Subject.Number, StringComparer.Ordinal)
            .Take(limit)
            .Select((entry, index) => new RankedCandidate(index + 1, entry.Candidate.Subject.Number, entry.Candidate.Subject.FiledDate, entry.Candidate.Score, entry.Reasons))
            .ToList();
        return new RankingResult(dwelling, ranked, excluded);
    }

    private static (List<string> Reasons, List<string> Refusals) Examine(ScoredSubject candidate, DwellingProfile dwelling)
    {
        var reasons = new List<string>();
        var refusals = new List<string>();
        var subject = candidate.Subject;
        var household = subject.Household;
        if (subject.Status != ApplicationStatus.Active)
        {
            refusals.Add("demande non active");
        }

        var typology = Typologies.Label(dwelling.Typology);
        if (household.Wishes.CommuneCodes.Contains(dwelling.CommuneCode) && household.Wishes.Typologies.Contains(dwelling.Typology))
        {
            reasons.Add($"souhaite la commune {dwelling.CommuneCode} et {Typologies.WithArticle(dwelling.Typology)}");
        }
        else
        {
            if (!household.Wishes.CommuneCodes.Contains(dwelling.CommuneCode))
            {
                refusals.Add($"ne souhaite pas la commune {dwelling.CommuneCode}");
            }

            if (!household.Wishes.Typologies.Contains(dwelling.Typology))
            {
                refusals.Add($"ne souhaite pas de {typology}");
            }
        }

        var income = household.Resources.MonthlyIncomeEur;
        var rent = $"loyer {Wording.Euros(dwelling.MonthlyRentEur)} pour {Wording.Euros(income)} de ressources mensuelles";
        var limit = Wording.Number(dwelling.MaxRentBurdenPercent);
        if (income > 0 && dwelling.MonthlyRentEur * 100m <= dwelling.MaxRentBurdenPercent * income)
        {
            reasons.Add($"taux d'effort de {Wording.Number(Math.Round(dwelling.MonthlyRentEur * 100m / income, 1))} % pour ce logement, au plus {limit} % ({rent})");
        }
        else
        {
            refusals.Add($"taux d'effort au-delà de {limit} % pour ce logement ({rent})");
        }

        if (dwelling.IncomeCeilingEur is { } ceiling)
        {
            var taxable = household.Resources.ReferenceTaxableIncomeEur;
            if (taxable <= ceiling)
            {
                reasons.Add($"revenu fiscal de référence {Wording.Euros(taxable)}, sous le plafond de {Wording.Euros(ceiling)}");
            }
            else
            {
                refusals.Add($"revenu fiscal de référence {Wording.Euros(taxable)} au-dessus du plafond de {Wording.Euros(ceiling)}");
            }
        }

        if (dwelling.ReservationHolder == ReservationHolder.PrefectPriority)
        {
            var priority = household.Priority;
            if (priority.DaloStatus == DaloStatus.Active || priority.PriorityPublic)
            {
                reasons.Add(priority.DaloStatus == DaloStatus.Active ? "DALO actif (contingent préfectoral prioritaire)" : "public prioritaire (contingent préfectoral prioritaire)");
            }
            else
            {
                refusals.Add("ni DALO actif ni public prioritaire, requis sur le contingent préfectoral prioritaire");
            }
        }

        var score = candidate.Score;
        reasons.Add($"score {Wording.Points(score.Total)} (grille « {score.GridId} » version {score.GridVersion}), déposée le {Wording.Date(subject.FiledDate)}");
        return (reasons, refusals);
    }
}
