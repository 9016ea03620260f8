using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Projections;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>
/// The stored scores (cotation_scores) over a real hub: kept by the cotation projection from the change
/// log, rescored after a publication and by the periodic refresh, replayed without counting anything twice.
/// </summary>
public sealed class StoredScoreTests : IAsyncLifetime
{
    // The hub's clock starts on 2026-03-10 10:00 (Paris): applications registered now are filed that day.
    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private CotationService.CotationServiceClient landlord = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation-stored");
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        landlord = CotationClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private ProjectionRunner Runner => hub.Services.GetRequiredService<ProjectionRunner>();

    private DatabaseProbe Database => new(hub.ConnectionString);

    private Interop.Hub.Cotation.ScoreRefresh Refresh => hub.Services.GetRequiredService<Interop.Hub.Cotation.ScoreRefresh>();

    private async Task<Application> RegisterAsync(Action<Application>? change = null)
    {
        var application = TestApplications.Valid();
        change?.Invoke(application);
        return (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
    }

    /// <summary>The stored rows of the test grid: number, version, total, revision scored.</summary>
    private async Task<List<(string Number, int Version, decimal Total, long Revision)>> StoredAsync() =>
        (await Database.QueryAsync<(string, int, decimal, long)>(
            "SELECT application_number, grid_version, total, application_revision FROM cotation_scores WHERE grid_id = 'caen-la-mer-test' ORDER BY application_number"))
        .ToList();

    [Fact]
    public async Task AnUpdateOfTheApplication_RescoresItsStoredScore_OnceTheProjectionCaughtUp()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync();
        await CatchUpAsync(hub);
        Assert.Equal([(application.Number, 1, 5m, 1L)], await StoredAsync());

        // The child left the household: no longer a single parent (-5).
        var alone = application.Clone();
        alone.HouseholdMembers.Clear();
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = alone,
            UpdateMask = FieldMask.FromString("household_members"),
            ExpectedRevision = 1,
        });
        await CatchUpAsync(hub);

        Assert.Equal([(application.Number, 1, 0m, 2L)], await StoredAsync());
    }

    [Fact]
    public async Task ARecordedValidation_IsAChangeOfTheApplication_AndItsStoredScoreCountsTheCriterion()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        await CatchUpAsync(hub);
        Assert.Equal(5m, (await StoredAsync()).Single().Total);

        var recorded = await epci.RecordCriterionValidationAsync(Validate(application.Name, "travailleur social", On(2026, 3, 10)));
        await CatchUpAsync(hub);

        Assert.Equal(2, recorded.ApplicationRevision);
        var changes = await Database.ChangesAsync(application.Number);
        Assert.Equal(["registered", "criterion_validated"], changes.Select(change => change.Kind));
        Assert.Equal((2L, "caen-la-mer"), (changes[1].Revision, changes[1].Actor));
        Assert.Contains("\"criterionId\": \"violences\"", changes[1].Details, StringComparison.Ordinal);
        Assert.Equal([(application.Number, 1, 35m, 2L)], await StoredAsync());
        var ranked = await landlord.RankApplicationsAsync(RankT3());
        Assert.Equal("35", Assert.Single(ranked.Candidates).Score.Total);
    }

    [Fact]
    public async Task ARadiatedApplication_LeavesTheStoredScores()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync();
        await CatchUpAsync(hub);

        await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = application.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Renunciation,
        });
        await CatchUpAsync(hub);

        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task PublishingANewVersion_ScoresEveryApplicationOfTheTerritoryWithIt_AfterItReturns()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson(1, "2026-01-01")));
        var applications = new List<Application>();
        for (var i = 0; i < 3; i++)
        {
            applications.Add(await RegisterAsync());
        }

        var outside = await RegisterAsync(a =>
        {
            a.Wishes.CommuneCodes.Clear();
            a.Wishes.CommuneCodes.Add("14762");
        });
        await CatchUpAsync(hub);
        Assert.Equal(Enumerable.Repeat((1, 5m), 3), (await StoredAsync()).Select(row => (row.Version, row.Total)));

        // Version 2 is in force from today and gives a single parent 8 points instead of 5.
        await epci.PublishGridVersionAsync(Publish(GridJson(2, "2026-03-10").Replace("\"points\": 5", "\"points\": 8", StringComparison.Ordinal)));
        await CatchUpAsync(hub);

        var stored = await StoredAsync();
        Assert.Equal(applications.Select(a => a.Number).Order(StringComparer.Ordinal), stored.Select(row => row.Number));
        Assert.All(stored, row => Assert.Equal((2, 8m), (row.Version, row.Total)));
        Assert.DoesNotContain(outside.Number, stored.Select(row => row.Number));
    }

    [Fact]
    public async Task TheDateAlone_MovesTheStoredScores_AndTodaysRankingReadsTodaysScore()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        await RegisterAsync();
        await CatchUpAsync(hub);

        // 31 days later: one whole month of seniority (+1 to the single parent's 5), with no change to the
        // application. Until the periodic refresh runs, the ranking leaves the stale score out and says so.
        hub.Clock.Advance(TimeSpan.FromDays(31));
        var beforeRefresh = await landlord.RankApplicationsAsync(RankT3());
        Assert.Equal((0, 1), (beforeRefresh.Candidates.Count, beforeRefresh.PendingRescoringCount));
        Assert.Equal(5m, (await StoredAsync()).Single().Total);

        Assert.Equal(1, await Refresh.RefreshAllAsync(CancellationToken.None));
        var ranked = await landlord.RankApplicationsAsync(RankT3());

        Assert.Equal(0, ranked.PendingRescoringCount);
        var candidate = Assert.Single(ranked.Candidates);
        Assert.Equal(("6", On(2026, 4, 10)), (candidate.Score.Total, candidate.Score.Day));
        Assert.Equal("Ancienneté (1 mois depuis le dépôt du 10/03/2026) : +1 point", candidate.Score.Lines[^1].Text);
        Assert.Equal(6m, (await StoredAsync()).Single().Total);

        // A month later again, the next refresh moves it once more.
        hub.Clock.Advance(TimeSpan.FromDays(30));
        Assert.Equal(1, await Refresh.RefreshAllAsync(CancellationToken.None));
        Assert.Equal(7m, (await StoredAsync()).Single().Total);
    }

    [Fact]
    public async Task APageReplayedAfterACrash_OrARebuild_RewritesTheSameScores_NothingCountsTwice()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var validated = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        await RegisterAsync();
        await epci.RecordCriterionValidationAsync(Validate(validated.Name, "travailleur social", On(2026, 3, 10)));
        await CatchUpAsync(hub);
        var before = await StoredAsync();

        // A crash before the checkpoint's commit leaves it where it was: the same changes come again.
        await Database.QueryAsync<long>("UPDATE projection_checkpoints SET checkpoint_seq = 0 WHERE projection = 'cotation-scores' RETURNING checkpoint_seq");
        await CatchUpAsync(hub);
        var replayed = await StoredAsync();
        await Runner.RebuildAsync("cotation-scores", CancellationToken.None);
        await CatchUpAsync(hub);
        var rebuilt = await StoredAsync();

        Assert.Equal([35m, 5m], before.Select(row => row.Total).OrderDescending());
        Assert.Equal(before, replayed);
        Assert.Equal(before, rebuilt);
    }

    [Fact]
    public async Task RankApplications_ReadsOnlyTheFirstStoredScores_AndContinuesRanksAcrossPages()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var violence = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        for (var i = 0; i < 4; i++)
        {
            await RegisterAsync();
        }

        await epci.RecordCriterionValidationAsync(Validate(violence.Name, "travailleur social", On(2026, 3, 10)));
        await CatchUpAsync(hub);

        var top = await landlord.RankApplicationsAsync(RankT3(pageSize: 2));

        Assert.Equal([1, 2], top.Candidates.Select(c => c.Rank));
        Assert.Equal((violence.Name, "35"), (top.Candidates[0].Application, top.Candidates[0].Score.Total));
        Assert.Equal("5", top.Candidates[1].Score.Total);
        Assert.Equal(5, top.ExaminedCount);
    }

    [Fact]
    public async Task PublishGridVersion_NamingACommuneOutsideItsEpci_IsRefusedNamingTheLine()
    {
        var outside = GridJson().Replace("[\"14118\", \"14327\"]", "[\"14118\", \"14327\", \"61001\"]", StringComparison.Ordinal);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => epci.PublishGridVersionAsync(Publish(outside)).ResponseAsync, "INVALID_GRID");
        var whatIf = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            async () =>
            {
                using var call = epci.RunDraftGrid(new RunDraftGridRequest { GridJson = outside });
                await call.ResponseStream.MoveNext(CancellationToken.None);
            },
            "INVALID_GRID");

        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("$.territory.communes[2]", violation.Field);
        Assert.StartsWith("line 5: commune 61001 is not a member of EPCI 200065597; it belongs to EPCI ", violation.Description, StringComparison.Ordinal);
        Assert.Equal(violation, Assert.Single(whatIf.GetDetail<Google.Rpc.BadRequest>().FieldViolations));
    }
}
