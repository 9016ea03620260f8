using System.Text;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>A draft grid run over the territory's active stock, over a real hub: summary and CSV, nothing published.</summary>
public sealed class CotationWhatIfTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation-whatif");
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
        await epci.PublishGridVersionAsync(Publish(GridJson()));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<Application> RegisterAsync(Action<Application>? change = null)
    {
        var application = TestApplications.Valid();
        change?.Invoke(application);
        return (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
    }

    /// <summary>
    /// The test grid with a single parent worth 8 instead of 5, a validated violence 2 instead of 30, and a new
    /// rubric: the priority public, 40.
    /// </summary>
    private static string Draft() => GridJson(2, "2026-06-01")
        .Replace("\"points\": 5", "\"points\": 8", StringComparison.Ordinal)
        .Replace("\"points\": 30", "\"points\": 2", StringComparison.Ordinal)
        .Replace(
            "\"rubrics\": [",
            """
            "rubrics": [
                { "id": "priorites", "label": "Priorités", "rule": "cumulative",
                  "criteria": [{ "id": "public-prioritaire", "label": "Public prioritaire", "kind": "priority", "flag": "priorityPublic", "points": 40 }] },
            """,
            StringComparison.Ordinal);

    private static async Task<(DraftGridSummary Summary, string Csv)> ReadAsync(AsyncServerStreamingCall<RunDraftGridResponse> call)
    {
        var responses = new List<RunDraftGridResponse>();
        await foreach (var response in call.ResponseStream.ReadAllAsync())
        {
            responses.Add(response);
        }

        var csv = string.Concat(responses.Skip(1).Select(r => Encoding.UTF8.GetString(r.CsvChunk.Span)));
        Assert.All(responses.Skip(1), r => Assert.Equal(RunDraftGridResponse.PartOneofCase.CsvChunk, r.PartCase));
        return (responses[0].Summary, csv);
    }

    [Fact]
    public async Task RunDraftGrid_ReportsWhoMovesAndByHowMuch_ByRubricTypologyAndPriorityClass_WithoutPublishing()
    {
        // Today 2026-03-10, all filed today (no seniority): single parents 5, the validated violence 35.
        var single = await RegisterAsync();
        var violence = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        await epci.RecordCriterionValidationAsync(Validate(violence.Name, "travailleur social", On(2026, 3, 10)));
        var priority = await RegisterAsync(a => a.Priority = new Priority { PriorityPublic = true });

        var (summary, csv) = await ReadAsync(epci.RunDraftGrid(new RunDraftGridRequest { GridJson = Draft() }));

        Assert.Equal(("grids/caen-la-mer-test/versions/1", 3, 1, 2), (summary.ComparedVersion, summary.ApplicationCount, summary.RankUpCount, summary.RankDownCount));
        Assert.Equal(Move("total", 3, 2, 1, "7", "43", "-25"), summary.Overall);
        Assert.Equal(
            [Move("menage", 3, 2, 1, "-6.33", "3", "-25"), Move("anciennete", 3, 0, 0, "0", "0", "0"), Move("priorites", 3, 1, 0, "13.33", "40", "0")],
            summary.ByRubric);
        Assert.Equal([Move("T3", 3, 2, 1, "7", "43", "-25")], summary.ByTypology);
        Assert.Equal([Move("prioritaire", 1, 1, 0, "43", "43", "0"), Move("aucune", 2, 1, 1, "-11", "3", "-25")], summary.ByPriorityClass);
        // In force: the violence leads (35), the two single parents tie at 5 (same filing day, then number).
        // Draft: the priority public leads (8 + 40), the violence falls to 8 + 2, the single parent to third.
        Assert.Equal(
            [
                "number,typologies,priority_class,current_points,draft_points,points_delta,current_rank,draft_rank,rank_move",
                $"{Number(violence)},T3,aucune,35,10,-25,1,2,-1",
                $"{Number(single)},T3,aucune,5,8,3,2,3,-1",
                $"{Number(priority)},T3,prioritaire,5,48,43,3,1,2",
            ],
            csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries));
        var listed = await epci.ListGridVersionsAsync(new ListGridVersionsRequest { Parent = Grid });
        Assert.Single(listed.GridVersions);
    }

    [Fact]
    public async Task RunDraftGrid_ByAnOrganisationThatDoesNotOwnTheEpcisGrids_IsDenied()
    {
        var landlord = CotationClient(hub.Calls);

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => ReadAsync(landlord.RunDraftGrid(new RunDraftGridRequest { GridJson = Draft() })));
    }

    [Fact]
    public async Task RunDraftGrid_ABadDraft_IsRefusedNamingTheLine()
    {
        var bad = Draft().Replace("\"points\": 8", "\"points\": -8", StringComparison.Ordinal);

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => ReadAsync(epci.RunDraftGrid(new RunDraftGridRequest { GridJson = bad })), "INVALID_GRID");

        Assert.Equal("$.rubrics[1].criteria[0].points", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    private static string Number(Application application) => application.Name["applications/".Length..];

    private static DraftGroupMove Move(string key, int count, int up, int down, string mean, string maxUp, string maxDown) => new()
    {
        Key = key,
        Count = count,
        UpCount = up,
        DownCount = down,
        MeanDelta = mean,
        MaxUp = maxUp,
        MaxDown = maxDown,
    };
}
