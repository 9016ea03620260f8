using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Criteria;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Errors;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Loading;

public class GridLoaderTests
{
    private const string Overcrowding = """{ "id": "suroccupation", "label": "Suroccupation", "kind": "overcrowding", "minExcessPersons": 2, "points": 40 }""";

    private static ValidationException Refusal(string json)
    {
        var refusal = Assert.Throws<ValidationException>(() => GridLoader.Load(json));
        Assert.Equal(ErrorReasons.InvalidGrid, refusal.Reason);
        return refusal;
    }

    private static void AssertViolation(ValidationException refusal, string path, int line, string containing)
    {
        var violation = Assert.Single(refusal.Violations, v => v.Field == path);
        Assert.StartsWith($"line {line}: ", violation.Description);
        Assert.Contains(containing, violation.Description);
    }

    [Fact]
    public void Load_AValidGrid_BuildsEveryPart()
    {
        var grid = GridLoader.Load(GridJson(
            $$"""[{ "id": "logement", "label": "Logement actuel", "rule": "highest", "maxPoints": 50, "criteria": [{{Overcrowding}}] }]""",
            version: 3,
            validFrom: "2024-01-10",
            extra: "\n  \"validUntil\": \"2024-12-31\",\n  \"maxPoints\": 200,"));

        Assert.Equal("caen-test", grid.GridId);
        Assert.Equal("200065597", grid.Epci);
        Assert.Equal(["14118", "14327"], grid.Communes.Order());
        Assert.Equal(3, grid.Version);
        Assert.Equal(new DateOnly(2024, 1, 10), grid.ValidFrom);
        Assert.Equal(new DateOnly(2024, 12, 31), grid.ValidUntil);
        Assert.Equal(200, grid.MaxPoints);
        var rubric = Assert.Single(grid.Rubrics);
        Assert.Equal((RubricRule.Highest, 50m), (rubric.Rule, rubric.MaxPoints));
        var criterion = Assert.Single(rubric.Criteria);
        Assert.Equal(new OvercrowdingCondition(2), criterion.Condition);
        Assert.Equal(40, criterion.Points);
        Assert.False(criterion.NeedsValidation);
    }

    [Fact]
    public void Load_BrokenJson_NamesTheLineAndColumn()
    {
        var refusal = Refusal("{\n  \"gridId\": \"x\",\n  \"title\": oops\n}");

        var violation = Assert.Single(refusal.Violations);
        Assert.StartsWith("line 3, column 12: not valid JSON", violation.Description);
    }

    [Fact]
    public void Load_AnUnknownField_IsRefusedWithItsPathAndLine()
    {
        var json = OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "singleParent", "points": 5, "colour": "red" }""");

        var refusal = Refusal(json);

        AssertViolation(refusal, "$.rubrics[0].criteria[0].colour", 8, "unknown field 'colour'");
    }

    [Fact]
    public void Load_AParameterOfAnotherKind_IsRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "singleParent", "points": 5, "minExcessPersons": 2 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].minExcessPersons", 8, "unknown field 'minExcessPersons'");
    }

    [Fact]
    public void Load_AnUnknownCriterionKind_IsRefusedListingTheKnownOnes()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "lottery", "points": 5 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].kind", 8, "unknown criterion kind 'lottery'; expected one of: overcrowding,");
    }

    [Fact]
    public void Load_UnknownCodes_AreRefusedEachAtItsIndex()
    {
        var json = OneRubricJson(
            "cumulative",
            """{ "id": "a", "label": "A", "kind": "currentHousing", "housing": ["SH", "CASTLE"], "points": 5 }""",
            """{ "id": "b", "label": "B", "kind": "reason", "reasons": ["06", "24"], "points": 5 }""");

        var refusal = Refusal(json);

        AssertViolation(refusal, "$.rubrics[0].criteria[0].housing[1]", 8, "unknown code 'CASTLE'");
        AssertViolation(refusal, "$.rubrics[0].criteria[1].reasons[1]", 8, "unknown code '24'");
    }

    [Fact]
    public void Load_NegativePoints_AreRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "singleParent", "points": -5 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].points", 8, "must be between 0 and 10000; got -5");
    }

    [Fact]
    public void Load_AMissingRequiredField_NamesItAtItsObjectsLine()
    {
        var json = GridJson("""
            [
              {
                "id": "r",
                "label": "R",
                "criteria": [{ "id": "a", "label": "A", "kind": "singleParent", "points": 5 }]
              }
            ]
            """);

        var refusal = Refusal(json);

        AssertViolation(refusal, "$.rubrics[0].rule", 9, "the field 'rule' is required");
    }

    [Fact]
    public void Load_ADeclaredCriterionWithoutValidation_IsRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "Mutation", "kind": "declared", "points": 5 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].validation", 8, "needs a validation role");
    }

    [Fact]
    public void Load_ACriterionIdUsedInTwoRubrics_IsRefused()
    {
        var json = GridJson("""
            [
              { "id": "r1", "label": "R1", "rule": "highest", "criteria": [{ "id": "a", "label": "A", "kind": "singleParent", "points": 5 }] },
              { "id": "r2", "label": "R2", "rule": "highest", "criteria": [{ "id": "a", "label": "A", "kind": "singleParent", "points": 5 }] }
            ]
            """);

        var refusal = Refusal(json);

        AssertViolation(refusal, "$.rubrics[1].criteria[0].id", 10, "criterion id 'a' is used twice");
    }

    [Fact]
    public void Load_SeveralProblems_AreAllReportedAtOnce()
    {
        var json = """
            {
              "gridId": "Caen Test",
              "title": "Grille",
              "epci": "12345",
              "territory": { "name": "Caen", "communes": ["14118", "99999"] },
              "version": 0,
              "validFrom": "2024-02-30",
              "rubrics": [{ "id": "r", "label": "R", "rule": "best", "criteria": [{ "id": "a", "label": "A", "kind": "rentBurden", "minPercent": 50, "maxPercent": 40, "points": 5 }] }]
            }
            """;

        var refusal = Refusal(json);

        AssertViolation(refusal, "$.gridId", 2, "from a-z, 0-9 and '-'");
        AssertViolation(refusal, "$.epci", 4, "9 digits");
        AssertViolation(refusal, "$.territory.communes[1]", 5, "unknown code '99999'");
        AssertViolation(refusal, "$.version", 6, "between 1 and 100000");
        AssertViolation(refusal, "$.validFrom", 7, "YYYY-MM-DD");
        AssertViolation(refusal, "$.rubrics[0].rule", 8, "unknown value 'best'; expected one of: highest, cumulative");
        AssertViolation(refusal, "$.rubrics[0].criteria[0].maxPercent", 8, "must be above minPercent");
        Assert.Equal(7, refusal.Violations.Count);
    }

    [Fact]
    public void Load_AFieldGivenTwice_IsRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "singleParent", "points": 5, "points": 50 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].points", 8, "given twice");
    }

    [Fact]
    public void Load_ARangeWithoutBounds_IsRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", """{ "id": "a", "label": "A", "kind": "applicantAge", "points": 5 }"""));

        AssertViolation(refusal, "$.rubrics[0].criteria[0].minAge", 8, "give minAge, maxAge or both");
    }

    [Fact]
    public void Load_ValidUntilBeforeValidFrom_IsRefused()
    {
        var refusal = Refusal(OneRubricJson("cumulative", Overcrowding).Replace("\"version\": 1,", "\"version\": 1, \"validUntil\": \"2023-12-31\","));

        AssertViolation(refusal, "$.validUntil", 6, "must not be before validFrom");
    }

    [Fact]
    public void Load_ABareArray_IsRefused()
    {
        var refusal = Refusal("[]");

        AssertViolation(refusal, "$", 1, "one JSON object");
    }

    [Fact]
    public void Load_AFileWithAByteOrderMark_Loads()
    {
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(OneRubricJson("cumulative", Overcrowding))).ToArray();

        Assert.Equal("caen-test", GridLoader.Load(bytes).GridId);
    }

    [Fact]
    public void Load_AFileOverTheLimit_IsRefusedBeforeParsing()
    {
        var refusal = Refusal(new string(' ', GridLoader.MaxFileBytes + 1));

        Assert.Contains("at most", Assert.Single(refusal.Violations).Description);
    }

    [Fact]
    public void Load_EveryKind_BuildsItsCondition()
    {
        var grid = OneRubric(
            "cumulative",
            """{ "id": "a", "label": "A", "kind": "underOccupation", "minExcessRooms": 2, "points": 1 }""",
            """{ "id": "b", "label": "B", "kind": "rentBurden", "minPercent": 33, "maxPercent": 50, "points": 1 }""",
            """{ "id": "c", "label": "C", "kind": "priority", "flag": "daloActive", "points": 1 }""",
            """{ "id": "d", "label": "D", "kind": "disability", "need": "wheelchair", "points": 1 }""",
            """{ "id": "e", "label": "E", "kind": "householdSize", "minPersons": 5, "points": 1 }""",
            """{ "id": "f", "label": "F", "kind": "applicantAge", "maxAge": 29, "points": 1 }""",
            """{ "id": "g", "label": "G", "kind": "seniority", "since": "lastRenewal", "pointsPerMonth": 0.5, "maxPoints": 30 }""",
            """{ "id": "h", "label": "H", "kind": "declared", "points": 1, "validation": { "role": "service instructeur" } }""");

        var criteria = grid.AllCriteria.ToList();
        Assert.Equal(new UnderOccupationCondition(2), criteria[0].Condition);
        Assert.Equal(new RentBurdenCondition(33, 50), criteria[1].Condition);
        Assert.Equal(new PriorityCondition(PriorityFlag.DaloActive), criteria[2].Condition);
        Assert.Equal(new DisabilityCondition(DisabilityNeed.Wheelchair), criteria[3].Condition);
        Assert.Equal(new HouseholdSizeCondition(5, null), criteria[4].Condition);
        Assert.Equal(new ApplicantAgeCondition(null, 29), criteria[5].Condition);
        Assert.Equal(new SeniorityCondition(SeniorityStart.LastRenewal), criteria[6].Condition);
        Assert.Equal((0.5m, 30m), (criteria[6].Points, criteria[6].MaxPoints));
        Assert.Equal("service instructeur", criteria[7].ValidationRole);
    }

    [Theory]
    [InlineData("{ \"gridId\": \"\\ud800\" }")]
    [InlineData("{ \"\\udc00\": 1 }")]
    public void Load_ALoneSurrogateEscape_IsRefusedAsInvalidText(string json)
    {
        var refusal = Refusal(json);

        Assert.Contains("invalid Unicode", Assert.Single(refusal.Violations).Description);
    }
}
