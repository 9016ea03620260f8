using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Criteria;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Criteria;

/// <summary>Every criterion kind, met, not met and, where it needs a fact the application may lack, not evaluable.</summary>
public class CriterionConditionsTests
{
    // TestHouseholds.Valid: applicant, co-applicant and two children (4 persons), 2 450 € a month.
    private static ConditionResult Evaluate(ICriterionCondition condition, CotationSubject subject) => condition.Evaluate(subject, Day);

    [Fact]
    public void Overcrowding_CountsPersonsAgainstRooms()
    {
        var condition = new OvercrowdingCondition(2);

        var met = Evaluate(condition, Subject(dwelling: new CurrentDwelling(2, null)));

        Assert.Equal((ConditionState.Met, "4 personnes pour 2 pièces"), (met.State, met.Detail));
        Assert.Equal(ConditionState.NotMet, Evaluate(condition, Subject(dwelling: new CurrentDwelling(3, null))).State);
        Assert.Equal(ConditionState.Unknown, Evaluate(condition, Subject()).State);
    }

    [Fact]
    public void UnderOccupation_CountsRoomsAgainstPersons()
    {
        var condition = new UnderOccupationCondition(2);

        Assert.Equal(ConditionState.Met, Evaluate(condition, Subject(dwelling: new CurrentDwelling(6, null))).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(condition, Subject(dwelling: new CurrentDwelling(5, null))).State);
        Assert.Equal(ConditionState.Unknown, Evaluate(condition, Subject()).State);
    }

    [Fact]
    public void RentBurden_AtExactlyTheThreshold_IsMet()
    {
        // 33 % of 1 500 € is 495 €: compared exactly, not through a rounded ratio.
        var subject = Subject(household => household with { Resources = household.Resources with { MonthlyIncomeEur = 1_500 } }, new CurrentDwelling(null, 495));

        var met = Evaluate(new RentBurdenCondition(33, null), subject);

        Assert.Equal(ConditionState.Met, met.State);
        Assert.StartsWith("taux d'effort de 33 % : loyer 495 € pour 1\u202f500 € de ressources mensuelles", met.Detail);
        Assert.Equal(ConditionState.NotMet, Evaluate(new RentBurdenCondition(33, null), subject with { CurrentDwelling = new CurrentDwelling(null, 494) }).State);
    }

    [Fact]
    public void RentBurden_WithABand_ExcludesItsUpperBound()
    {
        var subject = Subject(household => household with { Resources = household.Resources with { MonthlyIncomeEur = 1_000 } }, new CurrentDwelling(null, 500));

        Assert.Equal(ConditionState.NotMet, Evaluate(new RentBurdenCondition(33, 50), subject).State);
        Assert.Equal(ConditionState.Met, Evaluate(new RentBurdenCondition(50, 70), subject).State);
    }

    [Fact]
    public void RentBurden_WithoutResources_IsOverAnyOpenThreshold_AndWithoutRent_IsNotEvaluated()
    {
        var broke = Subject(household => household with { Resources = new Resources() }, new CurrentDwelling(null, 300));

        Assert.Equal(ConditionState.Met, Evaluate(new RentBurdenCondition(70, null), broke).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new RentBurdenCondition(33, 50), broke).State);
        var unknown = Evaluate(new RentBurdenCondition(33, null), Subject());
        Assert.Equal((ConditionState.Unknown, "loyer actuel non renseigné"), (unknown.State, unknown.Detail));
    }

    [Fact]
    public void CurrentHousing_MatchesTheListedSituations()
    {
        var condition = new CurrentHousingCondition(new HashSet<HousingSituation> { HousingSituation.Shelter, HousingSituation.Hotel });

        var met = Evaluate(condition, Subject(household => household with { CurrentHousing = HousingSituation.Hotel }));

        Assert.Equal((ConditionState.Met, "hôtel, HOT"), (met.State, met.Detail));
        Assert.Equal(ConditionState.NotMet, Evaluate(condition, Subject()).State);
    }

    [Fact]
    public void Reason_MatchesAnyListedReasonCode()
    {
        var condition = new ReasonCondition(new HashSet<string> { "05", "13" });

        var met = Evaluate(condition, Subject());

        Assert.Equal((ConditionState.Met, "motif 13"), (met.State, met.Detail));
        Assert.Equal(ConditionState.NotMet, Evaluate(new ReasonCondition(new HashSet<string> { "06" }), Subject()).State);
    }

    [Fact]
    public void Priority_ReadsTheDaloStatusAndThePriorityPublicFlag()
    {
        var dalo = Subject(household => household with { Priority = new Priority { DaloStatus = DaloStatus.Active } });
        var lapsed = Subject(household => household with { Priority = new Priority { DaloStatus = DaloStatus.Lapsed, PriorityPublic = true } });

        Assert.Equal(ConditionState.Met, Evaluate(new PriorityCondition(PriorityFlag.DaloActive), dalo).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new PriorityCondition(PriorityFlag.DaloActive), lapsed).State);
        Assert.Equal(ConditionState.Met, Evaluate(new PriorityCondition(PriorityFlag.PriorityPublic), lapsed).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new PriorityCondition(PriorityFlag.PriorityPublic), dalo).State);
    }

    [Fact]
    public void Disability_DistinguishesWheelchairFromAdapted()
    {
        // TestHouseholds.Valid needs an adapted dwelling, not a wheelchair-accessible one.
        Assert.Equal(ConditionState.NotMet, Evaluate(new DisabilityCondition(DisabilityNeed.Wheelchair), Subject()).State);
        Assert.Equal(ConditionState.Met, Evaluate(new DisabilityCondition(DisabilityNeed.Adapted), Subject()).State);
        Assert.Equal(ConditionState.Met, Evaluate(new DisabilityCondition(DisabilityNeed.Any), Subject()).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new DisabilityCondition(DisabilityNeed.Any), Subject(household => household with { Disability = new DisabilityNeeds() })).State);
    }

    [Fact]
    public void SingleParent_NeedsNoCoApplicantAndAChild()
    {
        var alone = Subject(household => household with { CoApplicant = null, CoApplicantLink = CoApplicantLink.Unspecified });
        var childless = Subject(household => household with { CoApplicant = null, Members = [] });

        var met = Evaluate(new SingleParentCondition(), alone);

        Assert.Equal((ConditionState.Met, "parent seul avec 2 enfants"), (met.State, met.Detail));
        Assert.Equal(ConditionState.NotMet, Evaluate(new SingleParentCondition(), Subject()).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new SingleParentCondition(), childless).State);
    }

    [Fact]
    public void HouseholdSize_BoundsAreInclusive()
    {
        Assert.Equal(ConditionState.Met, Evaluate(new HouseholdSizeCondition(4, 4), Subject()).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new HouseholdSizeCondition(5, null), Subject()).State);
        Assert.Equal(ConditionState.NotMet, Evaluate(new HouseholdSizeCondition(null, 3), Subject()).State);
    }

    [Fact]
    public void ApplicantAge_IsCountedOnTheDayAsked()
    {
        // The applicant was born on 4 December 1984.
        var condition = new ApplicantAgeCondition(40, null);

        Assert.Equal(ConditionState.NotMet, condition.Evaluate(Subject(), new DateOnly(2024, 12, 3)).State);
        var met = condition.Evaluate(Subject(), new DateOnly(2024, 12, 4));
        Assert.Equal((ConditionState.Met, "demandeur de 40 ans"), (met.State, met.Detail));
    }

    [Theory]
    [InlineData("2024-01-15", "2024-01-15", 0)]
    [InlineData("2024-01-15", "2024-02-14", 0)]
    [InlineData("2024-01-15", "2024-02-15", 1)]
    [InlineData("2024-01-31", "2024-02-29", 1)]
    [InlineData("2024-01-31", "2024-02-28", 0)]
    [InlineData("2023-04-15", "2025-06-15", 26)]
    [InlineData("2025-01-01", "2024-12-01", 0)]
    public void Seniority_WholeMonths_AreCalendarMonths(string start, string day, int months) =>
        Assert.Equal(months, SeniorityCondition.WholeMonths(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Seniority_SinceTheLastRenewal_FallsBackToTheFilingBeforeAnyRenewal()
    {
        var condition = new SeniorityCondition(SeniorityStart.LastRenewal);
        var day = new DateOnly(2025, 6, 15);

        var renewed = condition.Evaluate(Subject(filed: new DateOnly(2022, 1, 10), renewed: new DateOnly(2025, 1, 10)), day);
        var never = condition.Evaluate(Subject(filed: new DateOnly(2025, 1, 10)), day);

        Assert.Equal((5m, "5 mois depuis le renouvellement du 10/01/2025"), (renewed.Units, renewed.Detail));
        Assert.Equal((5m, "5 mois depuis le dépôt du 10/01/2025"), (never.Units, never.Detail));
        Assert.Equal(41m, new SeniorityCondition(SeniorityStart.Filing).Evaluate(Subject(filed: new DateOnly(2022, 1, 10), renewed: new DateOnly(2025, 1, 10)), day).Units);
    }

    [Fact]
    public void Declared_IsAlwaysMet_ItsValidationDecides() =>
        Assert.Equal(ConditionState.Met, Evaluate(new DeclaredCondition(), Subject()).State);

    [Fact]
    public void HousingCodes_CoverEveryHousingSituation()
    {
        foreach (var situation in Enum.GetValues<HousingSituation>().Where(value => value != HousingSituation.Unspecified))
        {
            Assert.True(HousingCodes.TryParse(HousingCodes.CodeOf(situation), out var parsed));
            Assert.Equal(situation, parsed);
        }
    }
}
