using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>
/// The stored scores at midnight, with the hub's jobs on as in production: a score the date alone moves
/// (a month of seniority) is rescored as the French day changes, not at the next periodic run.
/// </summary>
public sealed class DayChangeRescoringTests : IAsyncLifetime
{
    // The periodic jobs run at start and then every 40 days only: none runs on the night the test crosses
    // (the test waits for the run at start to end first), so the rescoring it sees is the day change's.
    private static readonly Dictionary<string, string> JobsOn = new()
    {
        ["Interop:RunJobs"] = "true",
        ["Interop:RenewalJobInterval"] = "40.00:00:00",
        ["Serilog:MinimumLevel:Override:Interop.Hub.Jobs"] = "Information",
    };

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("cotation-midnight", settings: JobsOn);

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task PastMidnight_AScoreTheDateMoved_IsRescored_AndTodaysRankingShowsTheNewScore()
    {
        await UntilAsync(() => Task.FromResult(hub.Logs.Events.Any(e => e.Template.StartsWith("The periodic job", StringComparison.Ordinal) && e.Text.Contains("cotation-refresh", StringComparison.Ordinal))), "the periodic jobs' run at start");

        // Filed on 2026-03-10 (the hub's clock): a month of seniority more on 2026-04-10.
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        var epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        await new RegistryService.RegistryServiceClient(hub.Calls).CreateApplicationAsync(TestApplications.Create(application: TestApplications.Valid()));
        await CatchUpAsync(hub);
        var landlord = CotationClient(hub.Calls);

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 23, 59, 0, TimeSpan.FromHours(2)));
        var lastEvening = await landlord.RankApplicationsAsync(RankT3());
        Assert.Equal(0, lastEvening.PendingRescoringCount);
        Assert.Equal(("5", On(2026, 4, 9)), (Assert.Single(lastEvening.Candidates).Score.Total, lastEvening.Candidates[0].Score.Day));

        hub.Clock.Advance(TimeSpan.FromMinutes(2));
        var afterMidnight = await RankedOnceRescoredAsync(landlord);

        var candidate = Assert.Single(afterMidnight.Candidates);
        Assert.Equal(("6", On(2026, 4, 10)), (candidate.Score.Total, candidate.Score.Day));
        Assert.Equal("Ancienneté (1 mois depuis le dépôt du 10/03/2026) : +1 point", candidate.Score.Lines[^1].Text);
    }

    /// <summary>Today's ranking once it leaves nothing out as pending: the rescoring runs in the background.</summary>
    private static async Task<RankApplicationsResponse> RankedOnceRescoredAsync(CotationService.CotationServiceClient landlord)
    {
        RankApplicationsResponse? ranked = null;
        await UntilAsync(
            async () => (ranked = await landlord.RankApplicationsAsync(RankT3())) is { PendingRescoringCount: 0, Candidates.Count: > 0 },
            "today's ranking with nothing pending after midnight");
        return ranked!;
    }

    /// <summary>Polls <paramref name="condition"/> for up to a minute of machine time (a loaded CI machine), never a fixed sleep.</summary>
    private static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), $"Not within a minute: {what}.");
            await Task.Delay(100);
        }
    }
}
