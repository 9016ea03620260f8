using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Loading;
using Interop.Hub.Core.Cotation.Scoring;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Scoring;

/// <summary>How long a stored score stays exact with nothing changed: the next seniority month, birthday or version.</summary>
public class ScoreFreshnessTests
{
    private const string Seniority = """{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 }""";

    private const string Young = """{ "id": "jeune", "label": "Jeune", "kind": "applicantAge", "maxAge": 30, "points": 10 }""";

    private const string SingleParent = """{ "id": "parent-seul", "label": "Parent seul", "kind": "singleParent", "points": 5 }""";

    private static GridVersions Versions(params string[] criteria) => GridVersions.Of(OneRubric("cumulative", criteria));

    [Fact]
    public void FreshUntil_WithSeniority_IsTheNextWholeMonth_AndTheScoreIsTheSameUntilThen()
    {
        // Filed on 10 March 2024; on 15 June 2025 that is 15 whole months, the 16th is reached on 10 July.
        var versions = Versions(Seniority);
        var subject = Subject();

        var until = ScoreFreshness.FreshUntil(subject, versions, Day);

        Assert.Equal(new DateOnly(2025, 7, 10), until);
        var grid = versions.All[0];
        Assert.Equal(CotationScorer.Score(subject, grid, Day, []).Total, CotationScorer.Score(subject, grid, until!.Value.AddDays(-1), []).Total);
        Assert.Equal(CotationScorer.Score(subject, grid, Day, []).Total + 1, CotationScorer.Score(subject, grid, until.Value, []).Total);
    }

    [Fact]
    public void FreshUntil_FiledOnThe31st_FollowsTheShortMonths()
    {
        var subject = Subject(filed: new DateOnly(2025, 1, 31));

        Assert.Equal(new DateOnly(2025, 2, 28), ScoreFreshness.FreshUntil(subject, Versions(Seniority), new DateOnly(2025, 2, 1)));
        Assert.Equal(new DateOnly(2025, 3, 31), ScoreFreshness.FreshUntil(subject, Versions(Seniority), new DateOnly(2025, 2, 28)));
    }

    [Fact]
    public void FreshUntil_WithAnAgeCriterion_IsTheApplicantsNextBirthday()
    {
        var subject = Subject(household => household with { Applicant = household.Applicant with { BirthDate = new DateOnly(1995, 9, 2) } });

        Assert.Equal(new DateOnly(2025, 9, 2), ScoreFreshness.FreshUntil(subject, Versions(Young), Day));
    }

    [Fact]
    public void FreshUntil_WithoutDateCriteria_IsNull_UnlessAVersionStartsLater()
    {
        var subject = Subject();
        var first = OneRubric("cumulative", SingleParent);
        var later = GridLoader.Load(OneRubricJson("cumulative", SingleParent).Replace("\"version\": 1", "\"version\": 2", StringComparison.Ordinal).Replace("2024-01-01", "2025-09-01", StringComparison.Ordinal));

        Assert.Null(ScoreFreshness.FreshUntil(subject, GridVersions.Of(first), Day));
        Assert.Equal(new DateOnly(2025, 9, 1), ScoreFreshness.FreshUntil(subject, GridVersions.Of(first).With(later), Day));
    }

    [Fact]
    public void Serves_OnlyTheVersionInForce_FromTheDayScored_BeforeFreshUntil()
    {
        var grid = OneRubric("cumulative", Seniority);

        Assert.True(ScoreFreshness.Serves(1, Day, Day.AddDays(5), grid, Day.AddDays(4)));
        Assert.False(ScoreFreshness.Serves(1, Day, Day.AddDays(5), grid, Day.AddDays(5)));
        Assert.False(ScoreFreshness.Serves(1, Day, null, grid, Day.AddDays(-1)));
        Assert.False(ScoreFreshness.Serves(2, Day, null, grid, Day));
        Assert.True(ScoreFreshness.Serves(1, Day, null, grid, Day.AddYears(3)));
    }
}
