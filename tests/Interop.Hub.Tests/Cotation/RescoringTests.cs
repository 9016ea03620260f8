using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>
/// A publication's territory rescoring over a real hub with a small page: committed a page per
/// transaction after the call returned, never holding back a writer until the end, resumed after its
/// last committed page when a run stops half-way; and reads that rescore nothing meanwhile and say how
/// many applications they left out.
/// </summary>
public sealed class RescoringTests : IAsyncLifetime
{
    private const int PageSize = 10;

    /// <summary>How long a test waits for the background rescoring to reach a page: generous, CI is loaded.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    private static readonly string Version2 = GridJson(2, "2026-03-10").Replace("\"points\": 5", "\"points\": 8", StringComparison.Ordinal);

    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private CotationService.CotationServiceClient landlord = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation-rescoring", settings: new Dictionary<string, string> { ["Interop:CotationRescoringPageSize"] = PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        landlord = CotationClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
    }

    public async Task DisposeAsync()
    {
        Counters.AfterTerritoryPage = null;
        await hub.DisposeAsync();
    }

    private Interop.Hub.Cotation.RescoringCounters Counters => hub.Services.GetRequiredService<Interop.Hub.Cotation.RescoringCounters>();

    private DatabaseProbe Database => new(hub.ConnectionString);

    /// <summary>Version 1 published, then <paramref name="count"/> single parents registered and scored with it (5 points each); their numbers in order.</summary>
    private async Task<List<string>> StockScoredWithVersion1Async(int count)
    {
        await epci.PublishGridVersionAsync(Publish(GridJson(1, "2026-01-01")));
        var numbers = new List<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(4))
        {
            var registered = await Task.WhenAll(batch.Select(async _ =>
                (await registry.CreateApplicationAsync(TestApplications.Create(application: TestApplications.Valid()))).Application.Number));
            numbers.AddRange(registered);
        }

        await CatchUpAsync(hub);
        Assert.Equal<(int, long)>([(1, count)], await VersionsAsync());
        return [.. numbers.Order(StringComparer.Ordinal)];
    }

    /// <summary>How many stored rows the test grid has per version.</summary>
    private async Task<List<(int Version, long Rows)>> VersionsAsync() =>
        [.. await Database.QueryAsync<(int, long)>(
            "SELECT grid_version, count(*) FROM cotation_scores WHERE grid_id = 'caen-la-mer-test' GROUP BY grid_version ORDER BY grid_version")];

    /// <summary>Holds the territory rescoring after its <paramref name="page"/>th committed page until <paramref name="release"/> completes.</summary>
    private TaskCompletionSource PauseAfterPage(int page, Task release)
    {
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Counters.AfterTerritoryPage = async (_, committed, _) =>
        {
            if (committed == page && reached.TrySetResult())
            {
                await release;
            }
        };
        return reached;
    }

    [Fact]
    public async Task PublishingAVersion_RescoresTheTerritoryAPagePerTransaction_AndAWriteToARescoredApplicationIsNotHeldBackUntilTheEnd()
    {
        const int stock = 200;
        var numbers = await StockScoredWithVersion1Async(stock);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = PauseAfterPage(2, release.Task);
        var (pagesBefore, rescoredBefore) = (Counters.TerritoryPages, Counters.Publications);
        try
        {
            await epci.PublishGridVersionAsync(Publish(Version2));
            await reached.Task.WaitAsync(Patience);

            // Two pages committed, the rest still with version 1: the publication returned before them.
            Assert.Equal<(int, long)>([(1, stock - (2 * PageSize)), (2, 2 * PageSize)], await VersionsAsync());

            // The first application was read FOR SHARE by the first page: an update of it goes through at once,
            // while the rescoring is held half-way. One transaction over the territory would block it to the end.
            var first = (await registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + numbers[0] })).Clone();
            first.HouseholdMembers.Clear();
            var updated = await registry.UpdateApplicationAsync(new UpdateApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(),
                Application = first,
                UpdateMask = FieldMask.FromString("household_members"),
                ExpectedRevision = 1,
            }).ResponseAsync.WaitAsync(Patience);
            Assert.Equal(2, updated.Revision);
        }
        finally
        {
            release.TrySetResult();
        }

        await CatchUpAsync(hub);

        // Every row with version 2, each page its own transaction (one more ends the rescoring); the updated
        // application (no longer a single parent) scored from its new revision.
        var rows = await Database.QueryAsync<(string Number, int Version, decimal Total, long Revision)>(
            "SELECT application_number, grid_version, total, application_revision FROM cotation_scores WHERE grid_id = 'caen-la-mer-test' ORDER BY application_number");
        Assert.Equal(numbers, rows.Select(row => row.Number));
        Assert.Equal((numbers[0], 2, 0m, 2L), rows[0]);
        Assert.All(rows.Skip(1), row => Assert.Equal((2, 8m, 1L), (row.Version, row.Total, row.Revision)));
        Assert.Equal(stock, Counters.Publications - rescoredBefore);
        Assert.Equal((stock / PageSize) + 1, Counters.TerritoryPages - pagesBefore);
        Assert.Empty(await Database.QueryAsync<string>("SELECT grid_id FROM cotation_rescorings"));
    }

    [Fact]
    public async Task TodaysRanking_OnTheDayAVersionIsBeingRescored_RanksOnlyRescoredRows_CountsTheOthers_AndRescoresNone()
    {
        const int stock = 60;
        var numbers = await StockScoredWithVersion1Async(stock);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var reached = PauseAfterPage(2, release.Task);
        RankApplicationsResponse during;
        ApplicantOutlook outlook;
        long rescoredByReads;
        try
        {
            await epci.PublishGridVersionAsync(Publish(Version2));
            await reached.Task.WaitAsync(Patience);

            var before = Counters.All;
            during = await landlord.RankApplicationsAsync(RankT3(pageSize: 100));
            outlook = await landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = "applications/" + numbers[0], Grid = Grid });
            rescoredByReads = Counters.All - before;
        }
        finally
        {
            release.TrySetResult();
        }

        // The 20 rescored with version 2 (8 points), none on a version 1 total; 40 left out and said so.
        Assert.Equal(0, rescoredByReads);
        Assert.Equal(numbers.Take(2 * PageSize).Select(n => "applications/" + n), during.Candidates.Select(c => c.Application));
        Assert.All(during.Candidates, c => Assert.Equal("8", c.Score.Total));
        Assert.Equal(stock - (2 * PageSize), during.PendingRescoringCount);
        Assert.Equal((2 * PageSize, stock - (2 * PageSize)), (outlook.SimilarActiveCount, outlook.PendingRescoringCount));

        await CatchUpAsync(hub);
        var after = await landlord.RankApplicationsAsync(RankT3(pageSize: 100));
        Assert.Equal((stock, 0), (after.Candidates.Count, after.PendingRescoringCount));
        Assert.All(after.Candidates, c => Assert.Equal("8", c.Score.Total));
    }

    [Fact]
    public async Task ARescoringStoppedHalfWay_ContinuesAfterItsLastCommittedPage_NotFromTheStart()
    {
        const int stock = 60;
        hub.ExpectErrorLogs = true;
        var numbers = await StockScoredWithVersion1Async(stock);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var crashed = 0;

        // The first run dies after its third page, as a killed replica would; the next run is held after
        // its first page so the test can see where it started.
        Counters.AfterTerritoryPage = async (_, page, _) =>
        {
            if (page == 3 && Interlocked.CompareExchange(ref crashed, 1, 0) == 0)
            {
                throw new InvalidOperationException("The rescoring run is stopped here, as a crash would.");
            }

            if (Volatile.Read(ref crashed) == 1 && page == 1 && resumed.TrySetResult())
            {
                await release.Task;
            }
        };
        var rescoredBefore = Counters.Publications;
        try
        {
            await epci.PublishGridVersionAsync(Publish(Version2));
            await resumed.Task.WaitAsync(Patience);

            // Three pages before the stop and one after: the second run took the fourth page, not the first.
            Assert.Equal<(int, long)>([(1, stock - (4 * PageSize)), (2, 4 * PageSize)], await VersionsAsync());
            Assert.Equal([numbers[(4 * PageSize) - 1]], await Database.QueryAsync<string>("SELECT after_number FROM cotation_rescorings"));
        }
        finally
        {
            release.TrySetResult();
        }

        await CatchUpAsync(hub);

        Assert.Equal<(int, long)>([(2, stock)], await VersionsAsync());
        Assert.Equal(stock, Counters.Publications - rescoredBefore);
    }
}
