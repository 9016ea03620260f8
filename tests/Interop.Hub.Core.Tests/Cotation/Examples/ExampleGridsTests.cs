using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Tests.Cotation.Examples;

/// <summary>
/// The example grids shipped in hub/Interop.Hub.Core/Cotation/Examples load, and score a household whose
/// score was computed by hand from the grid's text.
/// </summary>
public class ExampleGridsTests
{
    private static readonly DateOnly Day = new(2025, 6, 15);

    public static CotationGrid Example(string name) =>
        GridLoader.Load(File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Cotation", "Examples", name + ".example.json")));

    private static Person Adult(int birthYear) => TestHouseholds.Applicant() with { BirthDate = new DateOnly(birthYear, 3, 1) };

    private static HouseholdMember Child(int birthYear) =>
        new() { LastName = "Martin", FirstNames = ["Léa"], Sex = Sex.Female, BirthDate = new DateOnly(birthYear, 1, 1), Relationship = Relationship.Child };

    private static IEnumerable<string> Counted(CotationScore score) =>
        score.Lines.Where(line => line.Status == LineStatus.Counted).Select(line => line.CriterionId!);

    [Fact]
    public void Paris_AnOvercrowdedSingleMother_ScoresTheHighestCriterionOfEachRubric()
    {
        // A mother alone with four children in 2 rooms of a private let, in an indecent dwelling, 900 € of
        // rent for 1 500 € a month (60 %), priority public, filed on 15 April 2023. By hand, on 15 June 2025:
        // logement indigne 10 + suroccupation forte 40 (not the 10 one) + taux d'effort 50–70 % 10 (not 5)
        // + famille monoparentale 5 + public prioritaire 10 + ancienneté 26 months × 0,5 = 13 → 88 points.
        var household = TestHouseholds.Valid() with
        {
            Applicant = Adult(1988),
            CoApplicant = null,
            CoApplicantLink = CoApplicantLink.Unspecified,
            FamilySituation = FamilySituation.Single,
            Members = [Child(2010), Child(2013), Child(2016), Child(2020)],
            Resources = new Resources { MonthlyIncomeEur = 1_500, ReferenceTaxableIncomeEur = 16_000, ReferenceTaxYear = 2023 },
            ReasonCodes = ["03", "13"],
            Disability = new DisabilityNeeds(),
            Priority = new Priority { DaloStatus = DaloStatus.None, PriorityPublic = true },
        };
        var subject = new CotationSubject { Number = "075230475ABCDE00001", FiledDate = new DateOnly(2023, 4, 15), Household = household, CurrentDwelling = new CurrentDwelling(2, 900) };

        var score = CotationScorer.Score(subject, Example("paris"), Day, []);

        Assert.Equal(88, score.Total);
        Assert.Equal(["logement-indigne", "suroccupation-forte", "taux-effort-50", "famille-monoparentale", "public-prioritaire", "anciennete"], Counted(score));
        Assert.Contains("Suroccupation (5 personnes pour 2 pièces) : +40 points", score.Lines.Select(line => line.Text));
        Assert.Contains("Ancienneté de la demande (26 mois depuis le dépôt du 15/04/2023) : +13 points", score.Lines.Select(line => line.Text));
        Assert.Equal(2, score.Lines.Count(line => line.Status == LineStatus.NotRetained));
    }

    [Fact]
    public void Lyon_ThePublishedExample_Scores35_AndViolenceCountsOnceASocialWorkerValidatedIt()
    {
        // The published example: threatened with eviction 20 + single parent 5 + excessive rent burden 10 = 35
        // (filed this month: no seniority yet). Domestic violence (30) waits for a social worker's validation.
        var household = TestHouseholds.Valid() with
        {
            CoApplicant = null,
            CoApplicantLink = CoApplicantLink.Unspecified,
            FamilySituation = FamilySituation.Separated,
            Resources = new Resources { MonthlyIncomeEur = 1_200, ReferenceTaxableIncomeEur = 13_000, ReferenceTaxYear = 2023 },
            ReasonCodes = ["05", "06"],
            Disability = new DisabilityNeeds(),
        };
        var subject = new CotationSubject { Number = "069250601ABCDE00001", FiledDate = new DateOnly(2025, 6, 1), Household = household, CurrentDwelling = new CurrentDwelling(3, 480) };
        var grid = Example("lyon");

        var awaiting = CotationScorer.Score(subject, grid, Day, []);
        var validated = CotationScorer.Score(subject, grid, Day, [new CriterionValidation("violences", "travailleur social", "Maison de la Métropole, Lyon 8e", new DateOnly(2025, 6, 12))]);

        Assert.Equal(35, awaiting.Total);
        Assert.Equal(["menace-expulsion", "parent-seul", "taux-effort-excessif"], Counted(awaiting));
        Assert.Equal(LineStatus.AwaitingValidation, awaiting.Lines.Single(line => line.CriterionId == "violences").Status);
        Assert.Equal(65, validated.Total);
        Assert.Equal(35 + 12, CotationScorer.Score(subject, grid, new DateOnly(2026, 6, 1), []).Total);
    }

    [Fact]
    public void Dunkerque_AutomaticCriteriaCountAtOnce_ProvenOnesOnceValidated_UnderTheirCap()
    {
        // A young couple (applicant 25) with a child, hosted by family (no rent, rooms unknown), filed in 2022
        // and renewed on 10 January 2025. Automatic: hébergé par la famille 20 + jeune ménage 10; ancienneté
        // since the renewal 5 months × 1 = 5. With proof validated: mutation 15 + violences 40 + distance
        // 10 = 65, capped at 60. By hand: 35 without validations, 95 with them.
        var household = TestHouseholds.Valid() with
        {
            Applicant = Adult(2000),
            CoApplicant = TestHouseholds.CoApplicant() with { BirthDate = new DateOnly(2001, 5, 5) },
            Members = [Child(2023)],
            CurrentHousing = HousingSituation.WithParentsOrChildren,
            ReasonCodes = ["18", "06"],
            Disability = new DisabilityNeeds(),
        };
        var subject = new CotationSubject
        {
            Number = "059220110ABCDE00001",
            FiledDate = new DateOnly(2022, 1, 10),
            LastRenewedDate = new DateOnly(2025, 1, 10),
            Household = household,
            CurrentDwelling = new CurrentDwelling(null, 0),
        };
        var proofs = new[] { "mutation-professionnelle", "violences", "distance-domicile-travail" }
            .Select(id => new CriterionValidation(id, "service instructeur", "CU de Dunkerque, service logement", new DateOnly(2025, 5, 2)))
            .ToList();
        var grid = Example("dunkerque");

        var automatic = CotationScorer.Score(subject, grid, Day, []);
        var proven = CotationScorer.Score(subject, grid, Day, proofs);

        Assert.Equal(35, automatic.Total);
        Assert.Equal(["heberge-tiers", "jeune-menage", "anciennete"], Counted(automatic));
        // Mutation (reason 18) and violence (reason 06) wait for proof; the distance, declared, shows nothing yet.
        Assert.Equal(["mutation-professionnelle", "violences"], automatic.Lines.Where(line => line.Status == LineStatus.AwaitingValidation).Select(line => line.CriterionId));
        Assert.Equal(2, automatic.Lines.Count(line => line.Status == LineStatus.NotEvaluated));
        Assert.Equal(95, proven.Total);
        Assert.Contains("Plafond de la rubrique « Critères sur justificatif » : 60 points (5 points au-delà non comptés)", proven.Lines.Select(line => line.Text));
        Assert.Contains("Ancienneté depuis le dernier renouvellement (5 mois depuis le renouvellement du 10/01/2025) : +5 points", proven.Lines.Select(line => line.Text));
    }
}
