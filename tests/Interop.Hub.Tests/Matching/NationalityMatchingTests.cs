using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Matching;

/// <summary>
/// The registration path gives the matcher the nationality class the batch compares (issue 14): the
/// contract carries a class (French, EU, outside the EU), not a country, and the hub compares classes.
/// </summary>
public sealed class NationalityMatchingTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private MatchingService.MatchingServiceClient matching = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("nationality");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        matching = new MatchingService.MatchingServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task FindMatches_ComparesTheNationalityClassOfBothApplicants()
    {
        await registry.CreateApplicationAsync(TestApplications.Create(application: TestApplications.Valid("Lefrançois", "Camille")));
        var same = TestApplications.Valid("Lefrançois", "Camille").Applicant;
        var other = same.Clone();
        other.NationalityClass = NationalityClass.OutsideEuropeanUnion;

        var agreeing = (await matching.FindMatchesAsync(new FindMatchesRequest { Person = same, Departement = "14" })).Candidates.Single();
        var disagreeing = (await matching.FindMatchesAsync(new FindMatchesRequest { Person = other, Departement = "14" })).Candidates.Single();

        Assert.Contains(agreeing.Fields, f => f.Field == "nationalité" && f.Level == "identique" && f.Weight > 0);
        Assert.Contains(disagreeing.Fields, f => f.Field == "nationalité" && f.Level == "différent" && f.Weight < 0);
        Assert.True(disagreeing.Score < agreeing.Score, "another nationality class counts against");
    }
}
