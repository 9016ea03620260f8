using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>
/// Overcrowding and rent burden scored from the application's own rooms and rent, over a real hub: the
/// cotation projection rescores a changed dwelling, rankings, the score, the outlook and the what-if use
/// the facts, and a score request's own facts still win.
/// </summary>
public sealed class CurrentDwellingScoreTests : IAsyncLifetime
{
    // Registered today (2026-03-10), so no seniority: the test household (a parent and a child, 1,450 € a
    // month) scores 5 as a single parent, +40 overcrowded (at most 1 room), +10 with a rent of 30 % or more.
    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private CotationService.CotationServiceClient landlord = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation-dwelling");
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        landlord = CotationClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
        await epci.PublishGridVersionAsync(Publish(WithOvercrowding(GridJson(), 40)));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    /// <summary>The test grid with « Suroccupation » (one person more than main rooms) in the household rubric.</summary>
    private static string WithOvercrowding(string grid, int points) => grid.Replace(
        "\"criteria\": [\n",
        $$"""
        "criteria": [
                        { "id": "suroccupation", "label": "Suroccupation", "kind": "overcrowding", "minExcessPersons": 1, "points": {{points}} },

        """,
        StringComparison.Ordinal);

    private static CurrentDwellingFacts Facts(int rooms, long? rent = null)
    {
        var facts = new CurrentDwellingFacts { MainRooms = rooms };
        if (rent is { } eur)
        {
            facts.MonthlyRentEur = eur;
        }

        return facts;
    }

    private async Task<Application> RegisterAsync(CurrentDwellingFacts? dwelling = null)
    {
        var application = TestApplications.Valid();
        application.CurrentDwelling = dwelling;
        return (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
    }

    private Task<Application> MoveAsync(Application application, CurrentDwellingFacts dwelling, long expected)
    {
        var changed = application.Clone();
        changed.CurrentDwelling = dwelling;
        return registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = changed,
            UpdateMask = FieldMask.FromString("current_dwelling"),
            ExpectedRevision = expected,
        }).ResponseAsync;
    }

    private async Task<(decimal Total, long Revision)> StoredAsync(Application application) =>
        (await new DatabaseProbe(hub.ConnectionString).QueryAsync<(decimal, long)>(
            $"SELECT total, application_revision FROM cotation_scores WHERE grid_id = '{GridId}' AND application_number = '{application.Number}'"))
        .Single();

    /// <summary>Today's ranking, which serves the stored scores with their stored explanation.</summary>
    private async Task<ApplicationScore> RankedAsync(Application application)
    {
        var ranked = await landlord.RankApplicationsAsync(new RankApplicationsRequest
        {
            Grid = Grid,
            Dwelling = new DwellingProfile { CommuneCode = "14118", Typology = Typology.T3, MonthlyRentEur = 400 },
            PageSize = 100,
        });
        return ranked.Candidates.Single(candidate => candidate.Application == application.Name).Score;
    }

    private static ScoreLine Line(ApplicationScore score, string criterion) => score.Lines.Single(line => line.CriterionId == criterion);

    [Fact]
    public async Task ChangingRoomsThenRent_RescoresTheStoredScore_ByEachCriterionsPoints_CountedInsteadOfNotEvaluated()
    {
        var application = await RegisterAsync();
        await CatchUpAsync(hub);
        Assert.Equal((5m, 1L), await StoredAsync(application));
        var unknown = await RankedAsync(application);
        Assert.Equal(ScoreLineStatus.NotEvaluated, Line(unknown, "suroccupation").Status);
        Assert.Equal(ScoreLineStatus.NotEvaluated, Line(unknown, "taux-effort").Status);

        // Two persons in one main room: overcrowded.
        var crowded = await MoveAsync(application, Facts(1), 1);
        await CatchUpAsync(hub);

        Assert.Equal((45m, 2L), await StoredAsync(application));
        var counted = await RankedAsync(application);
        Assert.Equal("45", counted.Total);
        Assert.Equal(
            (ScoreLineStatus.Counted, "40", "Suroccupation (2 personnes pour 1 pièce) : +40 points"),
            (Line(counted, "suroccupation").Status, Line(counted, "suroccupation").Points, Line(counted, "suroccupation").Text));
        Assert.Equal(ScoreLineStatus.NotEvaluated, Line(counted, "taux-effort").Status);

        // 500 € of 1,450 € is 34.5 %: over the 30 % threshold.
        await MoveAsync(crowded, Facts(1, 500), 2);
        await CatchUpAsync(hub);

        Assert.Equal((55m, 3L), await StoredAsync(application));
        var burdened = await RankedAsync(application);
        Assert.Equal((ScoreLineStatus.Counted, "10"), (Line(burdened, "taux-effort").Status, Line(burdened, "taux-effort").Points));
    }

    [Fact]
    public async Task GetApplicationScoreAndOutlook_UseTheApplicationsFacts_AndARequestsOwnFactsWinOneByOne()
    {
        var application = await RegisterAsync(Facts(1, 500));
        await CatchUpAsync(hub);

        var own = await landlord.GetApplicationScoreAsync(new GetApplicationScoreRequest { Application = application.Name, Grid = Grid });
        Assert.Equal("55", own.Total);

        // Four rooms sent beside the request: no longer overcrowded; the rent still comes from the application.
        var simulated = await landlord.GetApplicationScoreAsync(new GetApplicationScoreRequest
        {
            Application = application.Name,
            Grid = Grid,
            CurrentDwelling = new CurrentDwelling { Rooms = 4 },
        });
        Assert.Equal("15", simulated.Total);
        Assert.Equal(ScoreLineStatus.Counted, Line(simulated, "taux-effort").Status);
        Assert.DoesNotContain(simulated.Lines, line => line.CriterionId == "suroccupation");

        var outlook = await landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = application.Name, Grid = Grid });
        Assert.Equal(("55", 1, 1), (outlook.Score.Total, outlook.Position, outlook.SimilarActiveCount));
        Assert.Equal(ScoreLineStatus.Counted, Line(outlook.Score, "suroccupation").Status);
    }

    [Fact]
    public async Task RunDraftGrid_ScoresTheDraftWithTheApplicationsFacts()
    {
        var crowded = await RegisterAsync(Facts(1));
        var unknown = await RegisterAsync();
        await CatchUpAsync(hub);
        var draft = WithOvercrowding(GridJson(2, "2026-06-01"), 50);

        var responses = new List<RunDraftGridResponse>();
        using (var call = epci.RunDraftGrid(new RunDraftGridRequest { GridJson = draft }))
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                responses.Add(response);
            }
        }

        var csv = string.Concat(responses.Skip(1).Select(r => Encoding.UTF8.GetString(r.CsvChunk.Span)));
        Assert.Equal(
            [
                "number,typologies,priority_class,current_points,draft_points,points_delta,current_rank,draft_rank,rank_move",
                $"{crowded.Number},T3,aucune,45,55,10,1,1,0",
                $"{unknown.Number},T3,aucune,5,5,0,2,2,0",
            ],
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
    }
}
