using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Scoring;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation;

public sealed class CotationSubjectTests
{
    private const string Overcrowded = """{ "id": "suroccupation", "label": "Suroccupation", "kind": "overcrowding", "minExcessPersons": 1, "points": 40 }""";
    private const string Burden = """{ "id": "taux-effort", "label": "Taux d'effort", "kind": "rentBurden", "minPercent": 30, "points": 10 }""";

    /// <summary>TestHouseholds.Valid (four persons) living in <paramref name="dwelling"/>, as the registry holds it.</summary>
    private static ApplicationRecord Application(CurrentDwelling dwelling) => new()
    {
        Number = Number,
        Departement = "14",
        RegisteringDesk = "B0001",
        FiledDate = new DateOnly(2024, 3, 10),
        ExpiryDate = new DateOnly(2026, 3, 10),
        Household = TestHouseholds.Valid() with { CurrentDwelling = dwelling },
    };

    [Fact]
    public void Of_AnApplicationWithItsDwelling_ScoresWithTheApplicationsOwnFacts()
    {
        var subject = CotationSubject.Of(Application(new CurrentDwelling(2, 900)))!;

        var score = CotationScorer.Score(subject, OneRubric("cumulative", Overcrowded), Day, []);

        Assert.Equal(new CurrentDwelling(2, 900), subject.CurrentDwelling);
        Assert.Equal(40m, score.Total);
        var line = Assert.Single(score.Lines);
        Assert.Equal(LineStatus.Counted, line.Status);
        Assert.Contains("4 personnes pour 2 pièces", line.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Of_AnApplicationWithoutFacts_LeavesTheCriteriaNotEvaluated()
    {
        var subject = CotationSubject.Of(Application(CurrentDwelling.Unknown))!;

        var score = CotationScorer.Score(subject, OneRubric("cumulative", Overcrowded, Burden), Day, []);

        Assert.Equal(0m, score.Total);
        Assert.All(score.Lines, line => Assert.Equal(LineStatus.NotEvaluated, line.Status));
    }

    [Fact]
    public void Of_FactsSentBesideTheRequest_WinOneByOne_AndTheApplicationFillsTheRest()
    {
        var application = Application(new CurrentDwelling(2, 900));

        Assert.Equal(new CurrentDwelling(5, 900), CotationSubject.Of(application, new CurrentDwelling(5, null))!.CurrentDwelling);
        Assert.Equal(new CurrentDwelling(2, 0), CotationSubject.Of(application, new CurrentDwelling(null, 0))!.CurrentDwelling);
        Assert.Equal(new CurrentDwelling(2, 900), CotationSubject.Of(application, CurrentDwelling.Unknown)!.CurrentDwelling);
        Assert.Equal(new CurrentDwelling(3, 400), CotationSubject.Of(Application(CurrentDwelling.Unknown), new CurrentDwelling(3, 400))!.CurrentDwelling);
    }

    [Fact]
    public void ASubjectBuiltFromAHousehold_TakesItsDwelling_UnlessOneIsSet()
    {
        var household = TestHouseholds.Valid() with { CurrentDwelling = new CurrentDwelling(3, 700) };

        var plain = new CotationSubject { Number = Number, FiledDate = Day, Household = household };
        var overridden = plain with { CurrentDwelling = new CurrentDwelling(6, null) };

        Assert.Equal(new CurrentDwelling(3, 700), plain.CurrentDwelling);
        Assert.Equal(new CurrentDwelling(6, null), overridden.CurrentDwelling);
    }
}
