using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>Grids published by an EPCI, scores and rankings, over a real hub and database.</summary>
public sealed class CotationServiceTests : IAsyncLifetime
{
    // The hub's clock starts on 2026-03-10 10:00 (Paris): applications registered now are filed that day.
    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private CotationService.CotationServiceClient landlord = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation");
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        landlord = CotationClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<Application> RegisterAsync(Action<Application>? change = null)
    {
        var application = TestApplications.Valid();
        change?.Invoke(application);
        return (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
    }

    private static GetApplicationScoreRequest ScoreOf(Application application, long? rent = null, Google.Type.Date? day = null)
    {
        var request = new GetApplicationScoreRequest { Application = application.Name, Grid = Grid, Day = day };
        if (rent is { } known)
        {
            request.CurrentDwelling = new CurrentDwelling { MonthlyRentEur = known, RentKnown = true };
        }

        return request;
    }

    [Fact]
    public async Task PublishGridVersion_ByTheOwner_StoresTheFile_AndAReplayChangesNothing()
    {
        var request = Publish(GridJson());

        var published = await epci.PublishGridVersionAsync(request);
        var replayed = await epci.PublishGridVersionAsync(request);

        Assert.Equal("grids/caen-la-mer-test/versions/1", published.Name);
        Assert.Equal((Epci, "caen-la-mer", GridJson()), (published.Epci, published.Publisher, published.GridJson));
        Assert.Equal(published, replayed);
        var listed = await landlord.ListGridVersionsAsync(new ListGridVersionsRequest { Parent = Grid });
        Assert.Equal(published.Name, Assert.Single(listed.GridVersions).Name);
        Assert.Equal("", listed.GridVersions[0].GridJson);
    }

    [Fact]
    public async Task PublishGridVersion_ByAnOrganisationThatDoesNotOwnTheEpcisGrids_IsDenied()
    {
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => landlord.PublishGridVersionAsync(Publish(GridJson())).ResponseAsync);

        await RpcAssert.FailsAsync(StatusCode.NotFound, () => landlord.ListGridVersionsAsync(new ListGridVersionsRequest { Parent = Grid }).ResponseAsync);
    }

    [Fact]
    public async Task PublishGridVersion_ABadFile_IsRefusedNamingTheLineAndThePath_AndStoresNothing()
    {
        var bad = GridJson().Replace("\"points\": 5", "\"points\": -5", StringComparison.Ordinal);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => epci.PublishGridVersionAsync(Publish(bad)).ResponseAsync, "INVALID_GRID");

        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("$.rubrics[0].criteria[0].points", violation.Field);
        Assert.StartsWith("line 12: must be between 0 and 10000; got -5", violation.Description, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => epci.ListGridVersionsAsync(new ListGridVersionsRequest { Parent = Grid }).ResponseAsync);
    }

    [Fact]
    public async Task PublishGridVersion_OverlappingAPublishedVersion_IsAFailedPrecondition()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson(1, "2026-01-01")));

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition, () => epci.PublishGridVersionAsync(Publish(GridJson(2, "2026-01-01"))).ResponseAsync, "OVERLAPPING_GRID_VERSION");
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition, () => epci.PublishGridVersionAsync(Publish(GridJson(1, "2027-01-01"))).ResponseAsync, "OVERLAPPING_GRID_VERSION");
        var second = await epci.PublishGridVersionAsync(Publish(GridJson(2, "2027-01-01")));
        Assert.Equal("grids/caen-la-mer-test/versions/2", second.Name);
    }

    [Fact]
    public async Task GetApplicationScore_ExplainsEachCriterion_AndSeniorityGrowsWithTheClockAlone()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        // TestApplications.Valid: a separated parent with one child, 1 450 € a month. Rent 500 €: 34,5 %.
        var application = await RegisterAsync();

        var today = await landlord.GetApplicationScoreAsync(ScoreOf(application, rent: 500));
        hub.Clock.Advance(TimeSpan.FromDays(31));
        var monthLater = await landlord.GetApplicationScoreAsync(ScoreOf(application, rent: 500));

        Assert.Equal(("15", "grids/caen-la-mer-test/versions/1", On(2026, 3, 10)), (today.Total, today.GridVersion, today.Day));
        Assert.Equal(
            ["Parent seul (parent seul avec 1 enfant) : +5 points", "Taux d'effort élevé (taux d'effort de 34,5 % : loyer 500 € pour 1\u202f450 € de ressources mensuelles) : +10 points"],
            today.Lines.Select(line => line.Text));
        Assert.Equal("16", monthLater.Total);
        Assert.Equal("Ancienneté (1 mois depuis le dépôt du 10/03/2026) : +1 point", monthLater.Lines[^1].Text);
        Assert.Equal(1, (await registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name })).Revision);
    }

    [Fact]
    public async Task GetApplicationScore_OnceANewVersionIsInForce_UsesIt()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson(1, "2026-01-01")));
        await epci.PublishGridVersionAsync(Publish(GridJson(2, "2026-04-01").Replace("\"points\": 5", "\"points\": 8", StringComparison.Ordinal)));
        var application = await RegisterAsync();

        var before = await landlord.GetApplicationScoreAsync(ScoreOf(application));
        hub.Clock.Advance(TimeSpan.FromDays(23));
        var after = await landlord.GetApplicationScoreAsync(ScoreOf(application));

        Assert.Equal(("grids/caen-la-mer-test/versions/1", "5"), (before.GridVersion, before.Total));
        Assert.Equal(("grids/caen-la-mer-test/versions/2", "8", On(2026, 4, 2)), (after.GridVersion, after.Total, after.Day));
    }

    [Fact]
    public async Task RecordCriterionValidation_ByAnOrganisationThatMayNotChangeTheApplication_IsDenied_AndStoresNothing()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        var stranger = CotationClient(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-orne", OrganizationKind.Landlord, stock: ["61001"], desks: ["C0001"])));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => stranger.RecordCriterionValidationAsync(Validate(application.Name, "travailleur social", On(2026, 3, 10))).ResponseAsync);

        Assert.Equal(0, Assert.Single(await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM cotation_validations")));
    }

    [Fact]
    public async Task GetApplicationScore_WithoutTheCurrentRent_SaysTheRentBurdenIsNotEvaluated()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync();

        var score = await landlord.GetApplicationScoreAsync(ScoreOf(application));

        Assert.Equal("5", score.Total);
        var line = score.Lines.Single(l => l.CriterionId == "taux-effort");
        Assert.Equal((ScoreLineStatus.NotEvaluated, "0"), (line.Status, line.Points));
    }

    [Fact]
    public async Task GetApplicationScore_BeforeAnyVersionIsInForce_IsAFailedPrecondition()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson(1, "2026-06-01")));
        var application = await RegisterAsync();

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => landlord.GetApplicationScoreAsync(ScoreOf(application)).ResponseAsync, "NO_GRID_IN_FORCE");
        // On 1 June: single parent 5 + 2 whole months since the filing of 10 March.
        Assert.Equal("7", (await landlord.GetApplicationScoreAsync(ScoreOf(application, day: On(2026, 6, 1)))).Total);
    }

    [Fact]
    public async Task GetApplicationScore_OfAnApplicationTheCallerMayNotRead_IsDenied()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync();
        var stranger = CotationClient(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-orne", OrganizationKind.Landlord, stock: ["61001"])));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => stranger.GetApplicationScoreAsync(ScoreOf(application)).ResponseAsync);
    }

    [Fact]
    public async Task RecordCriterionValidation_BySocialWorkerRole_MakesTheCriterionCount_AndIsIdempotent()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        var awaiting = await landlord.GetApplicationScoreAsync(ScoreOf(application));
        Assert.Equal(ScoreLineStatus.AwaitingValidation, awaiting.Lines.Single(line => line.CriterionId == "violences").Status);

        var request = Validate(application.Name, "Travailleur social", On(2026, 3, 10));
        var recorded = await epci.RecordCriterionValidationAsync(request);
        var replayed = await epci.RecordCriterionValidationAsync(request);
        var validated = await landlord.GetApplicationScoreAsync(ScoreOf(application));

        Assert.Equal(recorded, replayed);
        Assert.Equal("caen-la-mer", recorded.Recorder);
        Assert.Equal("35", validated.Total);
        Assert.Equal(
            "Violences familiales (motif 06, validé le 10/03/2026 par CCAS de Caen, service social, Travailleur social) : +30 points",
            validated.Lines.Single(line => line.CriterionId == "violences").Text);
        Assert.Equal(1, Assert.Single(await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM cotation_validations")));
    }

    [Fact]
    public async Task RecordCriterionValidation_ByAnotherRole_IsRefused()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var application = await RegisterAsync(a => a.ReasonCodes[0] = "06");

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => epci.RecordCriterionValidationAsync(Validate(application.Name, "agent d'accueil", On(2026, 3, 10))).ResponseAsync);

        Assert.Equal(["validation.role"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task RankApplications_OrdersEligibleCandidatesByScore_ThenFilingDate_AndLeavesOutWhoDoesNotFit()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));
        var first = await RegisterAsync();
        hub.Clock.Advance(TimeSpan.FromDays(40));
        var second = await RegisterAsync();
        var third = await RegisterAsync();
        await RegisterAsync(a => a.Resources.MonthlyIncomeEur = 1_000);
        await RegisterAsync(a => a.Wishes.Typologies[0] = Typology.T2);
        await CatchUpAsync(hub);

        var ranking = await landlord.RankApplicationsAsync(new RankApplicationsRequest
        {
            Grid = Grid,
            Dwelling = new DwellingProfile { CommuneCode = "14118", Typology = Typology.T3, MonthlyRentEur = 400 },
        });

        // First: 5 + 1 month; second and third: 5 each, filed the same day, so by number.
        var tied = new[] { second.Name, third.Name }.Order(StringComparer.Ordinal);
        Assert.Equal([first.Name, .. tied], ranking.Candidates.Select(candidate => candidate.Application));
        Assert.Equal([1, 2, 3], ranking.Candidates.Select(candidate => candidate.Rank));
        Assert.Equal(["6", "5", "5"], ranking.Candidates.Select(candidate => candidate.Score.Total));
        // Read best first: the four wishing a T3 in 14118 (the one whose rent burden is too high included).
        Assert.Equal(4, ranking.ExaminedCount);
        Assert.Contains("souhaite la commune 14118 et un T3", ranking.Candidates[0].Reasons);
    }

    [Fact]
    public async Task RankApplications_ForACommuneOutsideTheGrid_IsAnInvalidArgument()
    {
        await epci.PublishGridVersionAsync(Publish(GridJson()));

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => landlord.RankApplicationsAsync(new RankApplicationsRequest
        {
            Grid = Grid,
            Dwelling = new DwellingProfile { CommuneCode = "14047", Typology = Typology.T3, MonthlyRentEur = 400 },
        }).ResponseAsync);

        Assert.Equal(["dwelling.commune_code"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task GrantGridOwnership_ByAnythingButTheAdministrator_IsDenied() =>
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => epci.GrantGridOwnershipAsync(Grant("test-registrar")).ResponseAsync);

    [Fact]
    public async Task EveryCotationRpc_CalledEmpty_GetsAClearStatus()
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        foreach (var method in CotationServiceReflection.Descriptor.Services.Single().Methods)
        {
            foreach (var invoker in new[] { hub.Calls, hub.Admin })
            {
                var call = new Method<byte[], byte[]>(MethodType.Unary, method.Service.FullName, method.Name, bytes, bytes);
                var exception = await Assert.ThrowsAsync<RpcException>(() => invoker.AsyncUnaryCall(call, null, new CallOptions(), []).ResponseAsync);
                Assert.True(exception.StatusCode is not StatusCode.Internal and not StatusCode.Unknown, $"{method.Name}: {exception.Status}");
            }
        }
    }
}
