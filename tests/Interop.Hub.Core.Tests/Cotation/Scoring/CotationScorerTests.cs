using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Scoring;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Scoring;

public class CotationScorerTests
{
    private const string Overcrowded = """{ "id": "suroccupation", "label": "Suroccupation", "kind": "overcrowding", "minExcessPersons": 2, "points": 40 }""";
    private const string Large = """{ "id": "grand-menage", "label": "Grand ménage", "kind": "householdSize", "minPersons": 4, "points": 10 }""";
    private const string Disabled = """{ "id": "handicap", "label": "Handicap", "kind": "disability", "need": "any", "points": 15 }""";
    private const string Seniority = """{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 }""";
    private const string Violence = """{ "id": "violences", "label": "Violences familiales", "kind": "reason", "reasons": ["06"], "points": 30, "validation": { "role": "travailleur social" } }""";

    private static readonly IReadOnlyCollection<CriterionValidation> None = [];

    // 4 persons in 2 rooms: overcrowded; 4 persons: large; adapted dwelling needed: disabled.
    private static CotationSubject Overcrowding() => Subject(dwelling: new CurrentDwelling(2, null));

    private static CotationSubject Violent() => Subject(household => household with { ReasonCodes = ["06"] });

    [Fact]
    public void Score_Cumulative_AddsEveryCriterionMet_WithOneLinePerCriterion()
    {
        var score = CotationScorer.Score(Overcrowding(), OneRubric("cumulative", Overcrowded, Large, Disabled), Day, None);

        Assert.Equal(65, score.Total);
        Assert.Equal(
            [
                "Suroccupation (4 personnes pour 2 pièces) : +40 points",
                "Grand ménage (ménage de 4 personnes) : +10 points",
                "Handicap (logement adapté au handicap) : +15 points",
            ],
            score.Lines.Select(line => line.Text));
        Assert.All(score.Lines, line => Assert.Equal(LineStatus.Counted, line.Status));
        Assert.Equal(("caen-test", 1, Day), (score.GridId, score.GridVersion, score.Day));
    }

    [Fact]
    public void Score_Highest_CountsOnlyTheBestCriterion_AndSaysWhyTheOthersDoNot()
    {
        var score = CotationScorer.Score(Overcrowding(), OneRubric("highest", Large, Overcrowded, Disabled), Day, None);

        Assert.Equal(40, score.Total);
        Assert.Equal(
            [LineStatus.NotRetained, LineStatus.Counted, LineStatus.NotRetained],
            score.Lines.Select(line => line.Status));
        Assert.Equal("Grand ménage (ménage de 4 personnes) : +10 points, non retenu (seul le critère le plus élevé de la rubrique « Rubrique » compte)", score.Lines[0].Text);
    }

    [Fact]
    public void Score_Highest_WithTiedCriteria_CountsTheFirstInGridOrder()
    {
        var same = """{ "id": "autre", "label": "Autre", "kind": "householdSize", "minPersons": 2, "points": 40 }""";

        var score = CotationScorer.Score(Overcrowding(), OneRubric("highest", same, Overcrowded), Day, None);

        Assert.Equal(("autre", LineStatus.Counted), (score.Lines[0].CriterionId, score.Lines[0].Status));
        Assert.Equal(LineStatus.NotRetained, score.Lines[1].Status);
        Assert.Equal(40, score.Total);
    }

    [Fact]
    public void Score_ARubricCap_TakesTheExcessOffInALineOfItsOwn()
    {
        var grid = GridLoader.Load(GridJson($$"""[{ "id": "r", "label": "Logement", "rule": "cumulative", "maxPoints": 50, "criteria": [{{Overcrowded}}, {{Large}}, {{Disabled}}] }]"""));

        var score = CotationScorer.Score(Overcrowding(), grid, Day, None);

        Assert.Equal(50, score.Total);
        var cap = score.Lines[^1];
        Assert.Equal((LineStatus.Capped, -15m), (cap.Status, cap.Points));
        Assert.Equal("Plafond de la rubrique « Logement » : 50 points (15 points au-delà non comptés)", cap.Text);
        Assert.Equal(50, Assert.Single(score.Rubrics).Points);
    }

    [Fact]
    public void Score_TheGridsCap_AppliesAfterTheRubrics()
    {
        var grid = GridLoader.Load(GridJson(
            $$"""[{ "id": "a", "label": "A", "rule": "cumulative", "criteria": [{{Overcrowded}}] }, { "id": "b", "label": "B", "rule": "cumulative", "criteria": [{{Large}}, {{Disabled}}] }]""",
            extra: "\n  \"maxPoints\": 60,"));

        var score = CotationScorer.Score(Overcrowding(), grid, Day, None);

        Assert.Equal(60, score.Total);
        Assert.Equal(
            (null, LineStatus.Capped, -5m, "Plafond de la grille : 60 points (5 points au-delà non comptés)"),
            (score.Lines[^1].RubricId, score.Lines[^1].Status, score.Lines[^1].Points, score.Lines[^1].Text));
        Assert.Equal([40m, 25m], score.Rubrics.Select(rubric => rubric.Points));
    }

    [Fact]
    public void Score_TheLinesPoints_AlwaysAddUpToTheTotal()
    {
        var grid = GridLoader.Load(GridJson(
            $$"""[{ "id": "a", "label": "A", "rule": "highest", "maxPoints": 30, "criteria": [{{Overcrowded}}, {{Large}}] }, { "id": "b", "label": "B", "rule": "cumulative", "criteria": [{{Disabled}}, {{Seniority}}, {{Violence}}] }]""",
            extra: "\n  \"maxPoints\": 50,"));

        var score = CotationScorer.Score(Overcrowding(), grid, Day, None);

        // Rubric a: 40 capped to 30; rubric b: 15 + 15 months + 0 awaiting validation; grid: 60 capped to 50.
        Assert.Equal(score.Total, score.Lines.Sum(line => line.Points));
        Assert.Equal(50, score.Total);
    }

    [Fact]
    public void Score_Seniority_GrowsWithTheDayAlone()
    {
        var grid = OneRubric("cumulative", Seniority);
        var subject = Subject(filed: new DateOnly(2024, 3, 10));

        var before = CotationScorer.Score(subject, grid, new DateOnly(2025, 3, 9), None);
        var after = CotationScorer.Score(subject, grid, new DateOnly(2025, 3, 10), None);

        Assert.Equal((11m, 12m), (before.Total, after.Total));
        Assert.Equal("Ancienneté (12 mois depuis le dépôt du 10/03/2024) : +12 points", Assert.Single(after.Lines).Text);
    }

    [Fact]
    public void Score_Seniority_StopsAtItsOwnCap()
    {
        var grid = OneRubric("cumulative", """{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 0.5, "maxPoints": 4 }""");

        var score = CotationScorer.Score(Subject(filed: new DateOnly(2024, 3, 10)), grid, new DateOnly(2025, 3, 10), None);

        Assert.Equal(4, score.Total);
        Assert.Equal("Ancienneté (12 mois depuis le dépôt du 10/03/2024, plafonné à 4 points) : +4 points", Assert.Single(score.Lines).Text);
    }

    [Fact]
    public void Score_ACriterionNeedingValidation_CountsNothingUntilValidated()
    {
        var score = CotationScorer.Score(Violent(), OneRubric("cumulative", Violence), Day, None);

        Assert.Equal(0, score.Total);
        var line = Assert.Single(score.Lines);
        Assert.Equal((LineStatus.AwaitingValidation, 0m), (line.Status, line.Points));
        Assert.Equal("Violences familiales (motif 06) : +30 points en attente de validation (travailleur social)", line.Text);
    }

    [Fact]
    public void Score_ACriterionValidatedByItsRole_CountsFromTheDayOfValidation_SayingByWhom()
    {
        var grid = OneRubric("cumulative", Violence);
        var validation = new CriterionValidation("violences", "Travailleur social", "CCAS de Caen M. Durand", new DateOnly(2025, 6, 10));

        var before = CotationScorer.Score(Violent(), grid, new DateOnly(2025, 6, 9), [validation]);
        var after = CotationScorer.Score(Violent(), grid, new DateOnly(2025, 6, 10), [validation]);

        Assert.Equal((0m, 30m), (before.Total, after.Total));
        Assert.Equal(
            "Violences familiales (motif 06, validé le 10/06/2025 par CCAS de Caen M. Durand, Travailleur social) : +30 points",
            Assert.Single(after.Lines).Text);
    }

    [Fact]
    public void Score_AValidationByAnotherRole_DoesNotCount()
    {
        var validation = new CriterionValidation("violences", "agent d'accueil", "guichet 14ABC", new DateOnly(2025, 6, 1));

        var score = CotationScorer.Score(Violent(), OneRubric("cumulative", Violence), Day, [validation]);

        Assert.Equal(0, score.Total);
        Assert.Equal(LineStatus.AwaitingValidation, Assert.Single(score.Lines).Status);
    }

    [Fact]
    public void Score_AValidatedCriterion_NoLongerCounts_WhenTheApplicationNoLongerMeetsIt()
    {
        var validation = new CriterionValidation("violences", "travailleur social", "CCAS", new DateOnly(2025, 6, 1));

        var score = CotationScorer.Score(Subject(), OneRubric("cumulative", Violence), Day, [validation]);

        Assert.Equal(0, score.Total);
        Assert.Empty(score.Lines);
    }

    [Fact]
    public void Score_ADeclaredCriterion_ShowsNothingUntilValidated_ThenCounts()
    {
        var grid = OneRubric("cumulative", """{ "id": "distance", "label": "Éloignement domicile-travail", "kind": "declared", "points": 10, "validation": { "role": "service instructeur" } }""");

        var awaiting = CotationScorer.Score(Subject(), grid, Day, None);
        var validated = CotationScorer.Score(Subject(), grid, Day, [new CriterionValidation("distance", "service instructeur", "CU Dunkerque", Day)]);

        Assert.Empty(awaiting.Lines);
        Assert.Equal("Éloignement domicile-travail (validé le 15/06/2025 par CU Dunkerque, service instructeur) : +10 points", Assert.Single(validated.Lines).Text);
        Assert.Equal(10, validated.Total);
    }

    [Fact]
    public void Score_AMissingFact_IsSaidNotEvaluated_AndCountsNothing()
    {
        var score = CotationScorer.Score(Subject(), OneRubric("cumulative", Overcrowded, Large), Day, None);

        Assert.Equal(10, score.Total);
        Assert.Equal(
            (LineStatus.NotEvaluated, "Suroccupation : non évalué, nombre de pièces du logement actuel non renseigné"),
            (score.Lines[0].Status, score.Lines[0].Text));
    }

    [Fact]
    public void ScoreOn_UsesTheVersionInForceThatDay()
    {
        var rubric = """[{ "id": "r", "label": "R", "rule": "cumulative", "criteria": [{ "id": "a", "label": "Grand ménage", "kind": "householdSize", "minPersons": 4, "points": POINTS }] }]""";
        var versions = GridVersions.Of([
            GridLoader.Load(GridJson(rubric.Replace("POINTS", "10"), 1, "2024-01-01")),
            GridLoader.Load(GridJson(rubric.Replace("POINTS", "25"), 2, "2025-01-01")),
        ]);

        var old = CotationScorer.ScoreOn(Subject(), versions, new DateOnly(2024, 12, 31), None)!;
        var current = CotationScorer.ScoreOn(Subject(), versions, new DateOnly(2025, 1, 1), None)!;

        Assert.Equal((1, 10m), (old.GridVersion, old.Total));
        Assert.Equal((2, 25m), (current.GridVersion, current.Total));
        Assert.Null(CotationScorer.ScoreOn(Subject(), versions, new DateOnly(2023, 12, 31), None));
    }

    [Fact]
    public void Render_EndsWithTheTotalAndTheGridVersion()
    {
        var score = CotationScorer.Score(Overcrowding(), OneRubric("cumulative", Overcrowded), Day, None);

        Assert.Equal(
            "Suroccupation (4 personnes pour 2 pièces) : +40 points\nTotal : 40 points (grille « caen-test », version 1, au 15/06/2025)",
            score.Render().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Score_IsTheSameForTheSameInputs()
    {
        var grid = OneRubric("highest", Overcrowded, Large, Disabled, Seniority);
        var subject = Overcrowding() with { Household = Overcrowding().Household with { FamilySituation = FamilySituation.Married } };

        Assert.Equal(
            CotationScorer.Score(subject, grid, Day, None).Lines,
            CotationScorer.Score(subject, grid, Day, None).Lines);
    }
}
