using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Matching;

/// <summary>
/// The hub reads the official geography (npm package @etalab/decoupage-administratif, installed by
/// the test command with <c>npm ci --prefix hub/geography</c>): a birth place typed as a name and
/// one typed as a code are the same place, and a commune merged since still matches.
/// </summary>
public sealed class GeographyTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private MatchingService.MatchingServiceClient matching = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("geography");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        matching = new MatchingService.MatchingServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<FieldMatch> BirthPlaceComparedAsync(string registeredCode, string typedName)
    {
        var application = TestApplications.Valid(TestApplications.UniqueName());
        application.Applicant.BirthPlace = new BirthPlace { CommuneCode = registeredCode };
        var registered = (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;

        var query = application.Applicant.Clone();
        query.BirthPlace = new BirthPlace { FreeText = typedName };
        var response = await matching.FindMatchesAsync(new FindMatchesRequest { Person = query, Departement = "14" });

        var candidate = Assert.Single(response.Candidates);
        Assert.Equal(registered.Name, candidate.Application);
        return Assert.Single(candidate.Fields, f => f.Field == "lieu de naissance");
    }

    [Fact]
    public async Task FindMatches_BirthPlaceTypedAsTheCommuneName_IsTheSamePlaceAsItsCode()
    {
        var birthPlace = await BirthPlaceComparedAsync("14118", "Caen");

        Assert.True(birthPlace.Level == "identique", $"Caen and 14118 compared as « {birthPlace.Level} »: is the official geography installed (npm ci --prefix hub/geography)?");
        Assert.Equal("14118", birthPlace.RightValue);
    }

    [Fact]
    public async Task FindMatches_BirthCommuneMergedSince_IsTheSamePlaceAsTheNewCommune()
    {
        // 14187 was merged into Vire Normandie (14762) in 2016: people born there before carry the old code.
        var birthPlace = await BirthPlaceComparedAsync("14187", "Vire Normandie");

        Assert.Equal("identique", birthPlace.Level);
    }
}
