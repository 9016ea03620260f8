using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Cotation;
using Interop.Hub.Core.Cotation.Ranking;
using Interop.Hub.Core.Cotation.Scoring;
using static Interop.Hub.Core.Tests.Cotation.CotationFixtures;

namespace Interop.Hub.Core.Tests.Cotation.Ranking;

public class CandidateRankerTests
{
    // A T3 in Caen at 700 € a month: TestHouseholds.Valid wishes T3/T4 in Caen and earns 2 450 € (28,6 %).
    private static readonly DwellingProfile T3InCaen = new()
    {
        CommuneCode = TestHouseholds.Caen,
        Typology = Typology.T3,
        MonthlyRentEur = 700,
        ReservationHolder = ReservationHolder.None,
    };

    private static ScoredSubject Candidate(string number, decimal points, DateOnly filed, Func<Household, Household>? change = null, ApplicationStatus status = ApplicationStatus.Active)
    {
        var subject = Subject(change, filed: filed, number: number) with { Status = status };
        var score = new CotationScore { Number = number, GridId = "caen-test", GridVersion = 1, Day = Day, Total = points, Rubrics = [], Lines = [] };
        return new ScoredSubject(subject, score);
    }

    [Fact]
    public void Rank_OrdersByScore_ThenByEarlierFiling_ThenByNumber()
    {
        var candidates = new[]
        {
            Candidate("A3", 50, new DateOnly(2024, 5, 1)),
            Candidate("A1", 80, new DateOnly(2024, 9, 1)),
            Candidate("A4", 50, new DateOnly(2023, 1, 1)),
            Candidate("A2", 50, new DateOnly(2024, 5, 1)),
        };

        var ranking = CandidateRanker.Rank(candidates, T3InCaen);

        Assert.Equal(["A1", "A4", "A2", "A3"], ranking.Ranked.Select(candidate => candidate.Number));
        Assert.Equal([1, 2, 3, 4], ranking.Ranked.Select(candidate => candidate.Rank));
        Assert.Empty(ranking.Excluded);
    }

    [Fact]
    public void Rank_GivesTheReasonsOfEachEligibleCandidate()
    {
        var ranking = CandidateRanker.Rank([Candidate("A1", 52, new DateOnly(2024, 3, 10))], T3InCaen with { IncomeCeilingEur = 30_000 });

        Assert.Equal(
            [
                "souhaite la commune 14118 et un T3",
                "taux d'effort de 28,6 % pour ce logement, au plus 33 % (loyer 700 € pour 2\u202f450 € de ressources mensuelles)",
                "revenu fiscal de référence 27\u202f300 €, sous le plafond de 30\u202f000 €",
                "score 52 points (grille « caen-test » version 1), déposée le 10/03/2024",
            ],
            Assert.Single(ranking.Ranked).Reasons);
    }

    [Fact]
    public void Rank_LeavesOutWhoDoesNotFit_WithEveryReason()
    {
        var candidates = new[]
        {
            Candidate("WRONG-PLACE", 90, Day, household => household with { Wishes = household.Wishes with { CommuneCodes = [TestHouseholds.HerouvilleSaintClair], Typologies = [Typology.T2] } }),
            Candidate("TOO-POOR", 90, Day, household => household with { Resources = household.Resources with { MonthlyIncomeEur = 2_000 } }),
            Candidate("NO-INCOME", 90, Day, household => household with { Resources = new Resources() }),
            Candidate("RADIATED", 90, Day, status: ApplicationStatus.Radiated),
            Candidate("FITS", 10, Day),
        };

        var ranking = CandidateRanker.Rank(candidates, T3InCaen);

        Assert.Equal("FITS", Assert.Single(ranking.Ranked).Number);
        var excluded = ranking.Excluded.ToDictionary(candidate => candidate.Number, candidate => candidate.Reasons);
        Assert.Equal(["ne souhaite pas la commune 14118", "ne souhaite pas de T3"], excluded["WRONG-PLACE"]);
        Assert.Equal(["taux d'effort au-delà de 33 % pour ce logement (loyer 700 € pour 2\u202f000 € de ressources mensuelles)"], excluded["TOO-POOR"]);
        Assert.Single(excluded["NO-INCOME"]);
        Assert.Equal(["demande non active"], excluded["RADIATED"]);
    }

    [Fact]
    public void Rank_AboveTheCeilingGiven_IsLeftOut()
    {
        var ranking = CandidateRanker.Rank([Candidate("A1", 10, Day)], T3InCaen with { IncomeCeilingEur = 25_000 });

        Assert.Empty(ranking.Ranked);
        Assert.Equal(["revenu fiscal de référence 27\u202f300 € au-dessus du plafond de 25\u202f000 €"], Assert.Single(ranking.Excluded).Reasons);
    }

    [Fact]
    public void Rank_ARentBurdenLimitOfTheProfile_ReplacesTheDefault()
    {
        var ranking = CandidateRanker.Rank([Candidate("A1", 10, Day)], T3InCaen with { MaxRentBurdenPercent = 25 });

        Assert.Empty(ranking.Ranked);
    }

    [Fact]
    public void Rank_OnThePrefectsPriorityContingent_KeepsOnlyDaloOrPriorityHouseholds()
    {
        var candidates = new[]
        {
            Candidate("DALO", 10, Day, household => household with { Priority = new Priority { DaloStatus = DaloStatus.Active } }),
            Candidate("PRIORITY", 20, Day, household => household with { Priority = new Priority { PriorityPublic = true } }),
            Candidate("OTHER", 90, Day),
        };

        var ranking = CandidateRanker.Rank(candidates, T3InCaen with { ReservationHolder = ReservationHolder.PrefectPriority });

        Assert.Equal(["PRIORITY", "DALO"], ranking.Ranked.Select(candidate => candidate.Number));
        Assert.Contains("DALO actif (contingent préfectoral prioritaire)", ranking.Ranked[1].Reasons);
        Assert.Equal("OTHER", Assert.Single(ranking.Excluded).Number);
    }

    [Fact]
    public void Rank_WithALimit_KeepsTheTopOnes()
    {
        var candidates = Enumerable.Range(1, 10).Select(i => Candidate($"A{i:00}", i, Day));

        var ranking = CandidateRanker.Rank(candidates, T3InCaen, limit: 3);

        Assert.Equal(["A10", "A09", "A08"], ranking.Ranked.Select(candidate => candidate.Number));
    }
}
