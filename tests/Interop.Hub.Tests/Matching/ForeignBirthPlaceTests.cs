using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Matching;

/// <summary>
/// A birth abroad goes as the INSEE country code in <c>birth_place.country_code</c> (issue 14): it is
/// validated, stored, read back as sent, and compared by the matcher against other birth places.
/// </summary>
public sealed class ForeignBirthPlaceTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private MatchingService.MatchingServiceClient matching = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("foreign-birth");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        matching = new MatchingService.MatchingServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CreateApplication_BornInMorocco_IsStoredAndReadBackAsTheCountryCode()
    {
        var application = TestApplications.Valid("Benali", "Yasmine");
        application.Applicant.BirthPlace = new BirthPlace { CountryCode = "99350" };

        var created = await registry.CreateApplicationAsync(TestApplications.Create(application: application));
        var read = await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Application.Name });

        Assert.Equal(BirthPlace.PlaceOneofCase.CountryCode, read.Applicant.BirthPlace.PlaceCase);
        Assert.Equal("99350", read.Applicant.BirthPlace.CountryCode);
    }

    [Theory]
    [InlineData("99999")]
    [InlineData("99100")]
    [InlineData("Maroc")]
    public async Task CreateApplication_BadCountryCode_IsInvalidArgumentNamingCountryCode(string code)
    {
        var application = TestApplications.Valid("Benali", "Yasmine");
        application.Applicant.BirthPlace = new BirthPlace { CountryCode = code };

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(TestApplications.Create(application: application)).ResponseAsync, "INVALID_ARGUMENT");

        Assert.Equal(["application.applicant.birth_place.country_code"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task CreateApplication_CountryCodeAsCommuneCode_IsInvalidArgumentPointingToCountryCode()
    {
        var application = TestApplications.Valid("Benali", "Yasmine");
        application.Applicant.BirthPlace = new BirthPlace { CommuneCode = "99350" };

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(TestApplications.Create(application: application)).ResponseAsync, "INVALID_ARGUMENT");

        var violation = Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations);
        Assert.Equal("application.applicant.birth_place.commune_code", violation.Field);
        Assert.Contains("country_code", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindMatches_SameCountryAgrees_AndACommuneInLyonWeighsAgainst()
    {
        var registered = TestApplications.Valid("Elmansouri", "Karim");
        registered.Applicant.BirthPlace = new BirthPlace { CountryCode = "99350" };
        await registry.CreateApplicationAsync(TestApplications.Create(application: registered));
        var bornInMorocco = registered.Applicant.Clone();
        var bornInLyon = registered.Applicant.Clone();
        bornInLyon.BirthPlace = new BirthPlace { CommuneCode = "69123" };

        var agreeing = (await matching.FindMatchesAsync(new FindMatchesRequest { Person = bornInMorocco, Departement = "14" })).Candidates.Single();
        var disagreeing = (await matching.FindMatchesAsync(new FindMatchesRequest { Person = bornInLyon, Departement = "14" })).Candidates.Single();

        Assert.Contains(agreeing.Fields, f => f.Field == "lieu de naissance" && f.Level == "identique" && f.Weight > 0);
        Assert.Contains(disagreeing.Fields, f => f.Field == "lieu de naissance" && f.Level == "différent" && f.Weight < 0);
        Assert.True(disagreeing.Score < agreeing.Score, "born in Morocco against born in Lyon counts against");
    }
}
