using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Conformance;

/// <summary>
/// The conformance kit: every test an adapter must pass, against a real local hub (<see cref="ConformanceHub"/>).
/// Derive a class in your test project, give it your <see cref="IAdapterHarness"/>, and xunit runs them all:
/// <code>
/// public sealed class MyAdapterConformance(ConformanceHub hub) : AdapterConformanceTests(hub)
/// {
///     protected override IAdapterHarness CreateHarness() => new MyAdapterHarness();
/// }
/// </code>
/// Modeled on Airbyte's connector acceptance tests: configuration, a first full load, incremental sync both
/// ways, crash and restart without doubles, a hub change applied once, dead letters that do not stop the loop,
/// the hub restarting, a stale checkpoint, codes mapped both ways.
/// </summary>
public abstract partial class AdapterConformanceTests(ConformanceHub hub) : IClassFixture<ConformanceHub>
{
    /// <summary>The local hub the tests of this class share.</summary>
    protected ConformanceHub Hub { get; } = hub;

    /// <summary>A new harness over a fresh ERP and a fresh adapter state.</summary>
    protected abstract IAdapterHarness CreateHarness();

    /// <summary>A household no other test types (a unique name and birth date: the hub would link a second one as a duplicate).</summary>
    protected static ConformanceHousehold NewHousehold(int variant = 0) => new()
    {
        LastName = TestApplications.UniqueName(),
        FirstName = TestApplications.UniqueName(),
        BirthDate = new DateOnly(Random.Shared.Next(1950, 2001), Random.Shared.Next(1, 13), Random.Shared.Next(1, 29)),
        Sex = variant % 2 == 0 ? "SEX_FEMALE" : "SEX_MALE",
        FamilySituation = FamilySituations[variant % FamilySituations.Length],
        Housing = Housings[variant % Housings.Length],
        Typology = Typologies[variant % Typologies.Length],
        MonthlyIncome = 900 + (100 * variant),
    };

    private static readonly string[] Housings =
    [
        "HOUSING_SITUATION_PRIVATE_TENANT", "HOUSING_SITUATION_SOCIAL_TENANT", "HOUSING_SITUATION_HOSTED_BY_PRIVATE_PERSON",
        "HOUSING_SITUATION_HOTEL", "HOUSING_SITUATION_HOMELESS",
    ];

    private static readonly string[] FamilySituations =
    [
        "FAMILY_SITUATION_SEPARATED", "FAMILY_SITUATION_SINGLE", "FAMILY_SITUATION_MARRIED", "FAMILY_SITUATION_DIVORCED", "FAMILY_SITUATION_CIVIL_PARTNERSHIP",
    ];

    private static readonly string[] Typologies = ["TYPOLOGY_T3", "TYPOLOGY_T1", "TYPOLOGY_T2", "TYPOLOGY_T4", "TYPOLOGY_T5"];

    /// <summary>The hub number the harness's ERP links to <paramref name="recordId"/>, once the adapter pushed it.</summary>
    protected static Task<string> NumberOfAsync(IAdapterHarness harness, string recordId, int timeoutSeconds = 30) =>
        Poll.ForAsync(() => harness.NumberOfAsync(recordId), $"ERP record {recordId} pushed and linked to a hub number", timeoutSeconds);

    /// <summary>The application as the hub holds it, read with <paramref name="landlord"/>'s key.</summary>
    protected async Task<Application> ReadAtHubAsync(ConformanceLandlord landlord, string number)
    {
        using var client = Hub.Connect(landlord);
        return await client.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
    }

    /// <summary>Another landlord registers a household at the hub, with the given contract codes; returns its number.</summary>
    protected async Task<(string Number, Application Application)> RegisterElsewhereAsync(
        ConformanceLandlord other,
        Sex sex = Sex.Female,
        HousingSituation housing = HousingSituation.PrivateTenant,
        FamilySituation family = FamilySituation.Separated,
        Typology typology = Typology.T3,
        CurrentDwellingFacts? dwelling = null)
    {
        var application = TestApplications.Valid();
        application.CurrentDwelling = dwelling;
        application.Applicant.Sex = sex;
        application.CurrentHousing = housing;
        application.FamilySituation = family;
        application.Wishes.Typologies.Clear();
        application.Wishes.Typologies.Add(typology);
        using var client = Hub.Connect(other);
        var created = await client.Registry.CreateApplicationAsync(TestApplications.Create(other.Desk, application));
        return (created.Application.Number, created.Application);
    }

    /// <summary>Another landlord changes the income of <paramref name="number"/> at the hub; returns the new revision.</summary>
    protected async Task<long> UpdateIncomeElsewhereAsync(ConformanceLandlord other, string number, long monthlyIncome)
    {
        using var client = Hub.Connect(other);
        var current = await client.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + number });
        var updated = await client.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            ExpectedRevision = current.Revision,
            Application = new Application { Name = "applications/" + number, Resources = new Resources { MonthlyIncomeEur = monthlyIncome } },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "resources" } },
        });
        return updated.Revision;
    }

    /// <summary>The ERP's latest record of <paramref name="number"/> once it holds <paramref name="revision"/> or later.</summary>
    protected static async Task<ErpRecord> ErpRecordAtAsync(IAdapterHarness harness, string number, long revision, int timeoutSeconds = 30)
    {
        ErpRecord? latest = null;
        await Poll.UntilAsync(
            async () => (latest = (await harness.ReadByNumberAsync(number)).MaxBy(r => r.Revision)) is { } record && record.Revision >= revision,
            $"the ERP holds {number} at revision {revision}",
            timeoutSeconds);
        return latest!;
    }

    /// <summary>Asserts the hub holds the household as typed, its codes mapped to the contract's.</summary>
    protected static void AssertSameHousehold(ConformanceHousehold typed, Application atHub)
    {
        Assert.Equal(typed.LastName, atHub.Applicant.LastName);
        Assert.Equal(typed.MonthlyIncome, atHub.Resources.MonthlyIncomeEur);
        Assert.Equal(typed.Sex, ContractNames.Of(atHub.Applicant.Sex));
        Assert.Equal(typed.Nationality, ContractNames.Of(atHub.Applicant.NationalityClass));
        Assert.Equal(typed.FamilySituation, ContractNames.Of(atHub.FamilySituation));
        Assert.Equal(typed.Housing, ContractNames.Of(atHub.CurrentHousing));
        Assert.Equal([typed.Reason], atHub.ReasonCodes);
        Assert.Equal([typed.Typology], atHub.Wishes.Typologies.Select(t => ContractNames.Of(t)));
        // Each fact has presence: one the ERP does not record must not reach the hub as a zero.
        Assert.Equal(typed.MainRooms, atHub.CurrentDwelling is { HasMainRooms: true } rooms ? rooms.MainRooms : null);
        Assert.Equal(typed.MonthlyRentEur, atHub.CurrentDwelling is { HasMonthlyRentEur: true } rent ? (int)rent.MonthlyRentEur : null);
    }

    /// <summary>The French calendar day today (the hub dates attributions in Europe/Paris).</summary>
    protected static DateOnly FrenchToday() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime);

    /// <summary>A lease of a dwelling no other test leases, signed today.</summary>
    protected static ConformanceLease NewLease() => new()
    {
        DwellingId = "LGT" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
        Date = FrenchToday(),
    };

    /// <summary>The hub's proposals of <paramref name="number"/>, read with <paramref name="landlord"/>'s key.</summary>
    protected async Task<IReadOnlyList<Proposal>> ProposalsAtHubAsync(ConformanceLandlord landlord, string number)
    {
        using var client = Hub.Connect(landlord);
        return (await client.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number, PageSize = 500 })).Proposals;
    }
}
