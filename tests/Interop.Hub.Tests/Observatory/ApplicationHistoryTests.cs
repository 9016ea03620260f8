using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Observatory;

/// <summary>An application's history and its state at a past instant, over the hand-computed history.</summary>
[Collection(ObservatoryCollection.Name)]
public sealed class ApplicationHistoryTests(ObservatoryHistory history)
{
    private ObservatoryService.ObservatoryServiceClient Observatory => new(history.Hub.Calls);

    private RegistryService.RegistryServiceClient Registry => new(history.Hub.Calls);

    [Fact]
    public async Task ListApplicationChanges_AnUpdate_ListsWhoWhenAndTheIncomeFieldByField()
    {
        var first = history.SingleParents[0];

        var changes = (await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = first.Name })).Changes;

        Assert.Equal([1L, 2L], changes.Select(c => c.Revision));
        Assert.Equal([ChangeKind.Registered, ChangeKind.Updated], changes.Select(c => c.Kind));
        Assert.All(changes, c => Assert.Equal("organizations/test-registrar", c.Actor));
        Assert.All(changes, c => Assert.True(c.StateRecorded));
        Assert.Equal($"{first.Name}/changes/2", changes[1].Name);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), changes[1].ChangeTime.ToDateTimeOffset());
        var income = Assert.Single(changes[1].FieldChanges);
        Assert.Equal(("resources.monthly_income_eur", 1450d, 1600d), (income.Field, income.OldValue.NumberValue, income.NewValue.NumberValue));
        Assert.Contains(changes[0].FieldChanges, f => f.Field == "applicant.last_name" && f.OldValue is null && f.NewValue.StringValue == first.Applicant.LastName);
    }

    [Fact]
    public async Task ListApplicationChanges_ARenewal_ListsTheNewDates()
    {
        var renewed = history.SingleParents[2];

        var change = (await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = renewed.Name })).Changes[1];

        Assert.Equal(ChangeKind.Renewed, change.Kind);
        Assert.Equal(
            [("last_renewed_date", "", "2025-12-15"), ("expiry_date", "2026-01-10", "2026-12-15")],
            change.FieldChanges.Select(f => (f.Field, f.OldValue?.StringValue ?? "", f.NewValue?.StringValue ?? "")));
    }

    [Fact]
    public async Task ListApplicationChanges_AnErasedApplication_KeepsOnlyItsNonNominativeFacts_AfterTheFeedWasPruned()
    {
        var erased = history.SingleParents[1];

        var response = await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = erased.Name });

        Assert.True(history.Pruned > 0, "the feed was pruned");
        Assert.Equal([ChangeKind.Registered, ChangeKind.Radiated, ChangeKind.Erased], response.Changes.Select(c => c.Kind));
        Assert.Equal("hub", response.Changes[2].Actor);
        var fields = response.Changes.SelectMany(c => c.FieldChanges).Select(f => f.Field).ToList();
        Assert.All(fields, f => Assert.Matches("^(status|filed_date|expiry_date|registering_desk|departement|radiation\\.|wishes\\.)", f));
        Assert.Contains("wishes.commune_codes[1]", fields);
        Assert.Contains(response.Changes[1].FieldChanges, f => (f.Field, f.OldValue.StringValue, f.NewValue.StringValue) == ("status", "APPLICATION_STATUS_ACTIVE", "APPLICATION_STATUS_RADIATED"));
        Assert.Contains(response.Changes[2].FieldChanges, f => (f.Field, f.OldValue.StringValue, f.NewValue.StringValue) == ("status", "APPLICATION_STATUS_RADIATED", "APPLICATION_STATUS_ERASED"));
        Assert.DoesNotContain(history.ErasedLastName, JsonFormatter.Default.Format(response), StringComparison.Ordinal);
        var stored = await new DatabaseProbe(history.Hub.ConnectionString).QueryAsync<string>(
            "SELECT coalesce(household_patch::text, '') || facts::text FROM application_history WHERE application_number = @number",
            new { number = erased.Number });
        Assert.Equal(3, stored.Count);
        Assert.All(stored, s => Assert.DoesNotContain(history.ErasedLastName, s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListApplicationChanges_PageByPage_GivesEveryChangeOnce()
    {
        var first = history.SingleParents[0];

        var page1 = await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = first.Name, PageSize = 1 });
        var page2 = await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = first.Name, PageSize = 1, PageToken = page1.NextPageToken });

        Assert.Equal([1L, 2L], page1.Changes.Concat(page2.Changes).Select(c => c.Revision));
        Assert.Empty(page2.NextPageToken);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () => await Observatory.ListApplicationChangesAsync(
            new ListApplicationChangesRequest { Parent = history.SingleParents[2].Name, PageToken = page1.NextPageToken }));
    }

    [Fact]
    public async Task GetApplication_AsOf_RebuildsEachPastState()
    {
        var first = history.SingleParents[0];

        var before = await Registry.GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = At(2025, 2, 1) });
        var after = await Registry.GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = At(2025, 4, 1) });
        var radiated = await Registry.GetApplicationAsync(new GetApplicationRequest { Name = history.SingleParents[1].Name, AsOf = At(2026, 1, 1) });

        Assert.Equal((1L, 1450L, ApplicationStatus.Active), (before.Revision, before.Resources.MonthlyIncomeEur, before.Status));
        Assert.Equal((2L, 1600L), (after.Revision, after.Resources.MonthlyIncomeEur));
        Assert.Equal(first.Applicant.LastName, before.Applicant.LastName);
        Assert.Equal((ApplicationStatus.Radiated, RadiationReason.Renunciation), (radiated.Status, radiated.Radiation.Reason));
    }

    [Fact]
    public async Task GetApplication_AsOfBeforeErasure_ShowsNoPersonalData()
    {
        var erased = history.SingleParents[1];

        var past = await Registry.GetApplicationAsync(new GetApplicationRequest { Name = erased.Name, AsOf = At(2025, 3, 1) });

        Assert.Equal((ApplicationStatus.Active, 1L), (past.Status, past.Revision));
        Assert.Null(past.Applicant);
        Assert.Empty(past.HouseholdMembers);
        Assert.Null(past.Resources);
        Assert.Equal(["14118", "14327"], past.Wishes.CommuneCodes);
        Assert.Equal([Typology.T3], past.Wishes.Typologies);
    }

    [Fact]
    public async Task BadRequests_GetClearStatuses()
    {
        var first = history.SingleParents[0];
        var future = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
            await Registry.GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = At(2027, 1, 1) }));
        Assert.Equal(["as_of"], RpcAssert.ViolatedFields(future));
        var malformed = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
            await Registry.GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = new Timestamp { Seconds = 1, Nanos = -5 } }));
        Assert.Equal(["as_of"], RpcAssert.ViolatedFields(malformed));
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
            await Registry.GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = At(2025, 1, 1) }));

        const string unknown = "applications/UNKNOWN42";
        await RpcAssert.FailsAsync(StatusCode.NotFound, async () =>
            await new ObservatoryService.ObservatoryServiceClient(history.Hub.Admin).ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = unknown }));
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, async () =>
            await Observatory.ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = "applications/" }));

        var statistician = await HubAccess.JoinAsync(history.Hub.Channel, TestOrganizations.Of("stats-history", OrganizationKind.StatisticsReader, departements: ["14"]));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () =>
            await new ObservatoryService.ObservatoryServiceClient(statistician).ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = first.Name }));
        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, async () =>
            await new RegistryService.RegistryServiceClient(statistician).GetApplicationAsync(new GetApplicationRequest { Name = first.Name, AsOf = At(2025, 4, 1) }));
    }

    private static Timestamp At(int year, int month, int day) =>
        Timestamp.FromDateTimeOffset(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero));
}
