using Interop.Hub.Core.Applications;
using Interop.Hub.Core.History;

namespace Interop.Hub.Core.Tests.History;

public sealed class ApplicationTimelineTests
{
    private static readonly DateTimeOffset Registered = new(2025, 1, 10, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Updated = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static ApplicationRecord Application(Household? household, ApplicationStatus status = ApplicationStatus.Active, long revision = 1) => new()
    {
        Number = "N1",
        Departement = "14",
        RegisteringDesk = "B0001",
        FiledDate = new DateOnly(2025, 1, 10),
        ExpiryDate = new DateOnly(2026, 1, 10),
        Status = status,
        Revision = revision,
        Household = household,
    };

    private static HistoryEntry Entry(ApplicationRecord written, ApplicationRecord? previous, DateTimeOffset at, string kind) => new(
        written.Number, written.Revision, kind, "org", at, written.Departement, written.RegisteringDesk,
        HistoryFacts.Of(written, previous), HouseholdPatch.Between(previous?.Household, written.Household));

    [Fact]
    public void StateAt_FoldsThePartsEachRevisionSet()
    {
        var household = TestHouseholds.Valid();
        var richer = household with { Resources = household.Resources with { MonthlyIncomeEur = 1600 } };
        var first = Application(household);
        var second = Application(richer, revision: 2);
        var entries = new[] { Entry(second, first, Updated, "updated"), Entry(first, null, Registered, "registered") };

        var before = ApplicationTimeline.StateAt(entries, Updated.AddTicks(-1));
        var after = ApplicationTimeline.StateAt(entries, Updated);

        Assert.Equal([HouseholdPart.Resources], entries[0].Patch!.Parts);
        Assert.Equal((PastStateKind.Known, 1L, household.Resources.MonthlyIncomeEur), (before.Kind, before.Application!.Revision, before.Application.Household!.Resources.MonthlyIncomeEur));
        Assert.Equal((2L, 1600L), (after.Application!.Revision, after.Application.Household!.Resources.MonthlyIncomeEur));
        Assert.Equal(household.Applicant.LastName, after.Application.Household.Applicant.LastName);
        Assert.Equal(Registered, after.Application.CreatedAt);
    }

    [Fact]
    public void StateAt_BeforeRegistration_IsNotYetRegistered_AndBeforeTheRecordedHistory_IsNotRecorded()
    {
        var first = Application(TestHouseholds.Valid());
        var legacy = new HistoryEntry("N1", 1, "registered", "org", Registered, "14", "B0001", null, null);
        var recorded = Entry(first with { Revision = 2 }, first, Updated, "updated");

        Assert.Equal(PastStateKind.NotYetRegistered, ApplicationTimeline.StateAt([recorded, legacy], Registered.AddDays(-1)).Kind);
        Assert.Equal(PastStateKind.NotRecorded, ApplicationTimeline.StateAt([recorded, legacy], Registered.AddDays(1)).Kind);
    }

    [Fact]
    public void Replay_WithoutPatches_ErasedSince_GivesStatesWithoutHousehold_AndKeepsTheFacts()
    {
        var household = TestHouseholds.Valid();
        var first = Application(household);
        var erased = Application(null, ApplicationStatus.Erased, 2);
        var entries = new[] { Entry(first, null, Registered, "registered") with { Patch = null }, Entry(erased, first, Updated, "erased") };

        var steps = ApplicationTimeline.Replay(entries);

        Assert.All(steps, s => Assert.Null(s.After!.Household));
        Assert.Equal(ApplicationStatus.Erased, steps[1].After!.Status);
        Assert.Equal(entries[0].Facts!.HouseholdSize, entries[1].Facts!.HouseholdSize);
        Assert.Equal(household.Wishes.CommuneCodes, steps[1].BeforeFacts!.WishedCommunes);
    }
}
