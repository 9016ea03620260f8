using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Hub.Retention;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Observatory;

/// <summary>
/// A small hand-computed history over two years, on a real hub with a fake
/// clock, shared by the observatory's tests (they only read it). In the
/// Calvados (14), every application wishing 14118 and 14327:
/// <list type="bullet">
/// <item>2025-01-10: 12 single parents with one child (need a T3: <see cref="SingleParents"/>),
/// 3 single persons (T1/T2: <see cref="Singles"/>), 6 households of four (T4: <see cref="Fours"/>);</item>
/// <item>2025-03-01: the first single parent's income goes from 1450 to 1600;</item>
/// <item>2025-06-01: the second single parent renounces (RADABA);</item>
/// <item>2025-12-15: the third single parent renews;</item>
/// <item>2026-06-02: the retention job erases the second's personal data; the feed is pruned.</item>
/// </list>
/// </summary>
public sealed class ObservatoryHistory : IAsyncLifetime
{
    public static readonly DateTimeOffset Start = new(2025, 1, 10, 10, 0, 0, TimeSpan.FromHours(1));

    public HubHost Hub { get; private set; } = null!;

    public List<Application> SingleParents { get; } = [];

    public List<Application> Singles { get; } = [];

    public List<Application> Fours { get; } = [];

    public string ErasedLastName { get; private set; } = "";

    public int Pruned { get; private set; }

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync("observatory", Start);
        var registry = new RegistryService.RegistryServiceClient(Hub.Calls);
        for (var i = 0; i < 12; i++)
        {
            SingleParents.Add((await registry.CreateApplicationAsync(TestApplications.Create())).Application);
        }

        for (var i = 0; i < 3; i++)
        {
            var single = TestApplications.Valid();
            single.HouseholdMembers.Clear();
            single.FamilySituation = FamilySituation.Single;
            single.Wishes.Typologies[0] = Typology.T1;
            Singles.Add((await registry.CreateApplicationAsync(TestApplications.Create(application: single))).Application);
        }

        for (var i = 0; i < 6; i++)
        {
            var four = TestApplications.Valid();
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, "Zoé", 2017));
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, "Jules", 2019));
            four.Wishes.Typologies[0] = Typology.T4;
            Fours.Add((await registry.CreateApplicationAsync(TestApplications.Create(application: four))).Application);
        }

        Hub.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.FromHours(1)));
        var richer = SingleParents[0].Clone();
        richer.Resources.MonthlyIncomeEur = 1600;
        SingleParents[0] = await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Application = richer, UpdateMask = FieldMask.FromString("resources"), ExpectedRevision = 1,
        });

        Hub.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        ErasedLastName = SingleParents[1].Applicant.LastName;
        SingleParents[1] = await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = SingleParents[1].Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
        });

        Hub.Clock.SetUtcNow(new DateTimeOffset(2025, 12, 15, 10, 0, 0, TimeSpan.FromHours(1)));
        SingleParents[2] = await registry.RenewApplicationAsync(new RenewApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = SingleParents[2].Name, ExpectedRevision = 1,
        });

        Hub.Clock.SetUtcNow(new DateTimeOffset(2026, 6, 2, 10, 0, 0, TimeSpan.FromHours(2)));
        await Hub.Services.GetRequiredService<ErasureSweep>().RunOnceAsync(CancellationToken.None);
        // Pruning never passes a read model's checkpoint: every projection reads the history first.
        await Hub.Services.GetRequiredService<Interop.Hub.Projections.ProjectionRunner>().CatchUpAsync(CancellationToken.None);
        Pruned = await Hub.Services.GetRequiredService<Interop.Hub.Feed.FeedPruning>().RunOnceAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    private static HouseholdMember Child(string lastName, string firstName, int year) => new()
    {
        LastName = lastName,
        FirstNames = { firstName },
        Sex = Sex.Female,
        BirthDate = new Google.Type.Date { Year = year, Month = 5, Day = 3 },
        Relationship = Relationship.Child,
    };
}
