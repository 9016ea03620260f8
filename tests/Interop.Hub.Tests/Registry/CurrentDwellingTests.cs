using System.Net.Http.Json;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Tests.HttpJson;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

/// <summary>
/// The current dwelling's main rooms and rent on the application resource, over a real hub: written by
/// create, import and update (its own mask path), refused out of bounds, read back by GetApplication, the
/// feed, the history and the HTTP/JSON door. Absent means unknown, never zero.
/// </summary>
public sealed class CurrentDwellingTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("current-dwelling", httpJson: true);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private static Application Living(int? rooms, long? rent)
    {
        var application = TestApplications.Valid();
        application.CurrentDwelling = Facts(rooms, rent);
        return application;
    }

    private static CurrentDwellingFacts Facts(int? rooms, long? rent)
    {
        var facts = new CurrentDwellingFacts();
        if (rooms is { } r)
        {
            facts.MainRooms = r;
        }

        if (rent is { } eur)
        {
            facts.MonthlyRentEur = eur;
        }

        return facts;
    }

    private async Task<Application> RegisterAsync(Application application) =>
        (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;

    private Task<Application> GetAsync(string name) => registry.GetApplicationAsync(new GetApplicationRequest { Name = name }).ResponseAsync;

    private Task<Application> UpdateAsync(Application application, string mask, long expected) =>
        registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = application,
            UpdateMask = FieldMask.FromString(mask),
            ExpectedRevision = expected,
        }).ResponseAsync;

    [Fact]
    public async Task Create_WithRoomsAndARentOfZero_IsReadBackWithPresence_AndTheFeedCarriesIt()
    {
        await using var feed = FeedRecorder.StartRaw(hub.Calls, new SubscribeRequest { SubscriptionId = "dwelling", IncludeOwnChanges = true });
        var lodgedFree = await RegisterAsync(Living(2, 0));
        var roomsOnly = await RegisterAsync(Living(4, null));
        var unknown = await RegisterAsync(TestApplications.Valid());

        var read = await GetAsync(lodgedFree.Name);
        Assert.Equal((true, 2, true, 0L), (read.CurrentDwelling.HasMainRooms, read.CurrentDwelling.MainRooms, read.CurrentDwelling.HasMonthlyRentEur, read.CurrentDwelling.MonthlyRentEur));
        Assert.Equal(read.CurrentDwelling, lodgedFree.CurrentDwelling);
        var partly = (await GetAsync(roomsOnly.Name)).CurrentDwelling;
        Assert.Equal((4, false), (partly.MainRooms, partly.HasMonthlyRentEur));
        Assert.Null((await GetAsync(unknown.Name)).CurrentDwelling);

        await feed.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString));
        var states = feed.Changes.ToDictionary(change => change.Application, change => change.ApplicationState);
        Assert.Equal(Facts(2, 0), states[lodgedFree.Name].CurrentDwelling);
        Assert.Equal(Facts(4, null), states[roomsOnly.Name].CurrentDwelling);
        Assert.Null(states[unknown.Name].CurrentDwelling);
    }

    [Fact]
    public async Task CreateImportOrUpdate_OutOfBounds_IsInvalidArgumentNamingEachFactAndWritesNothing()
    {
        var created = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => RegisterAsync(Living(0, 100_001)), "INVALID_ARGUMENT");
        Assert.Equal(
            ["application.current_dwelling.main_rooms", "application.current_dwelling.monthly_rent_eur"],
            RpcAssert.ViolatedFields(created));

        var national = new RegistryService.RegistryServiceClient(await HubAccess.JoinAsync(
            hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        var import = Living(21, -1);
        import.Number = "DWELL01";
        import.FiledDate = new Google.Type.Date { Year = 2025, Month = 6, Day = 1 };
        import.RegisteringDesk = "NAT01";
        var imported = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => national.ImportApplicationAsync(new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = import }).ResponseAsync,
            "INVALID_ARGUMENT");
        Assert.Equal(
            ["application.current_dwelling.main_rooms", "application.current_dwelling.monthly_rent_eur"],
            RpcAssert.ViolatedFields(imported));

        var registered = await RegisterAsync(TestApplications.Valid());
        var crowded = registered.Clone();
        crowded.CurrentDwelling = Facts(25, null);
        var updated = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => UpdateAsync(crowded, "current_dwelling", 1), "INVALID_ARGUMENT");
        Assert.Equal(["application.current_dwelling.main_rooms"], RpcAssert.ViolatedFields(updated));

        var stored = await GetAsync(registered.Name);
        Assert.Equal((1L, null), (stored.Revision, stored.CurrentDwelling));
        Assert.Equal(0L, (await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM applications WHERE number = 'DWELL01'")).Single());
    }

    [Fact]
    public async Task Import_WithRoomsAndRent_KeepsThem()
    {
        var national = new RegistryService.RegistryServiceClient(await HubAccess.JoinAsync(
            hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        var application = Living(3, 720);
        application.Number = "DWELL02";
        application.FiledDate = new Google.Type.Date { Year = 2025, Month = 6, Day = 1 };
        application.RegisteringDesk = "NAT01";

        var imported = await national.ImportApplicationAsync(new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = application });

        Assert.Equal(Facts(3, 720), imported.CurrentDwelling);
        Assert.Equal(Facts(3, 720), (await GetAsync(imported.Name)).CurrentDwelling);
    }

    [Fact]
    public async Task Update_TheDwellingIsReplacedOnlyUnderItsOwnMaskPath_AndTheHistoryListsEachFact()
    {
        var registered = await RegisterAsync(Living(3, 650));
        var changed = registered.Clone();
        changed.CurrentDwelling = Facts(1, 0);
        changed.Wishes.CommuneCodes.Remove("14327");

        // Another mask leaves the dwelling as stored, even when the message carries a new one.
        var wishes = await UpdateAsync(changed, "wishes", 1);
        Assert.Equal((2L, Facts(3, 650)), (wishes.Revision, wishes.CurrentDwelling));

        var dwelling = await UpdateAsync(changed, "current_dwelling", 2);
        Assert.Equal((3L, Facts(1, 0)), (dwelling.Revision, dwelling.CurrentDwelling));

        // The path named with the dwelling left out forgets both facts: unknown again.
        changed.CurrentDwelling = null;
        var forgotten = await UpdateAsync(changed, "current_dwelling", 3);
        Assert.Equal((4L, null), (forgotten.Revision, forgotten.CurrentDwelling));
        Assert.Null((await GetAsync(registered.Name)).CurrentDwelling);

        var history = (await new ObservatoryService.ObservatoryServiceClient(hub.Calls)
            .ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = registered.Name })).Changes;
        Assert.Contains(history[0].FieldChanges, f => f.Field == "current_dwelling.main_rooms" && f.NewValue.NumberValue == 3);
        Assert.Equal(
            [("current_dwelling.main_rooms", 3d, 1d), ("current_dwelling.monthly_rent_eur", 650d, 0d)],
            history[2].FieldChanges.Select(f => (f.Field, f.OldValue.NumberValue, f.NewValue.NumberValue)));
        Assert.Equal(
            ["current_dwelling.main_rooms", "current_dwelling.monthly_rent_eur"],
            history[3].FieldChanges.Where(f => f.NewValue is null).Select(f => f.Field));
    }

    [Fact]
    public async Task HttpJson_CarriesTheFactsAsCurrentDwelling_WithARentOfZeroPresent()
    {
        using var door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
        var created = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create(application: Living(2, 0)))).Application;

        using var response = await door.SendRawAsync(HttpMethod.Get, "/v1/" + created.Name);
        var json = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();

        var dwelling = json.GetProperty("currentDwelling");
        Assert.Equal(2, dwelling.GetProperty("mainRooms").GetInt32());
        // Present although 0 (the door writes 64-bit integers as JSON numbers).
        Assert.Equal(0, dwelling.GetProperty("monthlyRentEur").GetInt64());
        Assert.Equal(Facts(2, 0), (await GetAsync(created.Name)).CurrentDwelling);
    }
}
