using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Grids;
using Interop.Hub.Core.Cotation.Outlook;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Outlook;

/// <summary>Position and expected wait against a hand-computed history; the grid gives 1 point per whole month since filing.</summary>
public sealed class OutlookCalculatorTests
{
    private static readonly GridVersions Seniority = GridVersions.Of(OneRubric(
        "cumulative", """{ "id": "anciennete", "label": "Ancienneté", "kind": "seniority", "since": "filing", "pointsPerMonth": 1 }"""));

    private static ScoredCandidate Filed(string number, DateOnly filed, Func<Household, Household>? change = null, ApplicationStatus status = ApplicationStatus.Active) =>
        new(Subject(change, filed: filed, number: number) with { Status = status }, []);

    private static PastAttribution Lease(string number, DateOnly filed, DateOnly leased, Typology typology = Typology.T3, string commune = "14118") =>
        new(Filed(number, filed, status: ApplicationStatus.Radiated), leased, commune, typology);

    private static Household WishingOnly(Household household, Typology typology, string commune) =>
        household with { Wishes = household.Wishes with { Typologies = [typology], CommuneCodes = [commune] } };

    // The applicant: filed 15 June 2024, asked on 15 June 2025 (Day): 12 months, 12 points, band 7 to 17.
    private static readonly ScoredCandidate Applicant = Filed(Number, new DateOnly(2024, 6, 15));

    [Fact]
    public void AverageWait_CountsSimilarLeasesOfTheLast12Months_ScoredOnTheirLeaseDay()
    {
        PastAttribution[] history =
        [
            Lease("L1", new DateOnly(2023, 6, 16), new DateOnly(2024, 6, 16)), // first day of the window, 12 points, 366 days
            Lease("L2", new DateOnly(2023, 6, 15), new DateOnly(2024, 6, 15)), // the day before the window
            Lease("L3", new DateOnly(2024, 7, 15), Day), // today, 11 points, 335 days
            Lease("L4", new DateOnly(2023, 6, 16), new DateOnly(2025, 1, 10), typology: Typology.T2),
            Lease("L5", new DateOnly(2023, 6, 16), new DateOnly(2025, 1, 10), commune: "75056"),
            Lease("L6", new DateOnly(2023, 1, 15), new DateOnly(2025, 1, 15)), // 24 points: out of the band
            Lease("L7", new DateOnly(2024, 1, 1), Day.AddDays(1)), // after the day asked
        ];

        var outlook = OutlookCalculator.Compute(Applicant, Typology.T3, Seniority, Day, [], history);

        Assert.Equal((12m, 7m, 17m), (outlook.Score.Total, outlook.Band.Low, outlook.Band.High));
        Assert.Equal(new DateOnly(2024, 6, 16), outlook.WindowStart);
        Assert.Equal((2, (int?)351), (outlook.SimilarAttributions, outlook.AverageWaitDays));
    }

    [Fact]
    public void Position_CountsSimilarActiveApplicationsAhead_WithTheRankingsTieBreaks()
    {
        ScoredCandidate[] stock =
        [
            Applicant,
            Filed("014240314ABCDE00001", new DateOnly(2024, 6, 15)), // same score and day, smaller number: ahead
            Filed("O2", new DateOnly(2024, 1, 1)), // 17 points: ahead
            Filed("O3", new DateOnly(2025, 1, 1)), // 5 points: behind
            Filed("O4", new DateOnly(2020, 1, 1), h => WishingOnly(h, Typology.T2, "14118")), // another typology
            Filed("O5", new DateOnly(2020, 1, 1), status: ApplicationStatus.Radiated),
            Filed("O6", new DateOnly(2020, 1, 1), h => WishingOnly(h, Typology.T3, "75056")), // outside the territory
        ];

        var outlook = OutlookCalculator.Compute(Applicant, Typology.T3, Seniority, Day, stock, []);

        Assert.Equal((3, 4), (outlook.Position, outlook.SimilarActive));
        Assert.Null(outlook.AverageWaitDays);
    }

    [Theory]
    [InlineData(0, -5, 5)]
    [InlineData(30, 25, 35)]
    [InlineData(50, 45, 55)]
    [InlineData(200, 180, 220)]
    [InlineData(12.5, 7.5, 17.5)]
    public void ScoreBand_IsTenPercentEitherSide_NeverLessThanFivePoints(decimal score, decimal low, decimal high)
    {
        var band = ScoreBand.Around(score);

        Assert.Equal((low, high), (band.Low, band.High));
        Assert.True(band.Contains(low) && band.Contains(high));
        Assert.False(band.Contains(high + 0.01m) || band.Contains(low - 0.01m));
    }
}
