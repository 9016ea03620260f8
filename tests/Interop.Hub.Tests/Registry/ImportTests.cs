using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

public sealed class ImportTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private RegistryService.RegistryServiceClient national = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("import");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        national = new RegistryService.RegistryServiceClient(await HubAccess.JoinAsync(
            hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ImportApplication_NumberWithOurStructure_AdvancesTheCounterPastIt()
    {
        // 0142603B0003 00500 + its check character, as the hub would have minted it.
        var ours = Interop.Hub.Core.Numbering.ApplicationNumber.Mint("14", new DateOnly(2026, 3, 1), "B0003", 500);
        var imported = await Import(ours.ToLowerInvariant(), filed: new Google.Type.Date { Year = 2026, Month = 3, Day = 2 }, desk: "B0003");
        Assert.Equal(ours, imported.Number);

        var minted = (await registry.CreateApplicationAsync(TestApplications.Create("B0003"))).Application.Number;

        Assert.Equal("0142603B000300501", minted[..17]);
    }

    [Fact]
    public async Task ImportApplication_OpaqueNumber_KeepsItsDatesAndIsStoredAsGiven()
    {
        var imported = await Import(
            " 075AB12 ", filed: new Google.Type.Date { Year = 2025, Month = 6, Day = 1 }, desk: "NAT01",
            renewed: new Google.Type.Date { Year = 2026, Month = 2, Day = 1 });

        Assert.Equal("075AB12", imported.Number);
        Assert.Equal(new Google.Type.Date { Year = 2025, Month = 6, Day = 1 }, imported.FiledDate);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 2, Day = 1 }, imported.ExpiryDate);
        Assert.Equal("NAT01", imported.RegisteringDesk);
    }

    [Fact]
    public async Task ImportApplication_NumberAlreadyInTheRegistry_IsAlreadyExists()
    {
        await Import("LEGACY42", new Google.Type.Date { Year = 2025, Month = 6, Day = 1 }, "NAT01");

        await RpcAssert.FailsAsync(
            StatusCode.AlreadyExists,
            () => Import("legacy42", new Google.Type.Date { Year = 2025, Month = 7, Day = 1 }, "NAT01"),
            "NUMBER_TAKEN");
    }

    [Fact]
    public async Task ImportApplication_MalformedNumberAndMissingDate_AreFieldViolations()
    {
        var application = TestApplications.Valid();
        application.Number = "014-26";
        application.RegisteringDesk = "NAT01";

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => national.ImportApplicationAsync(new ImportApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = application,
        }).ResponseAsync);

        Assert.Equal(["application.number", "application.filed_date"], RpcAssert.ViolatedFields(status));
    }

    private Task<Application> Import(string number, Google.Type.Date filed, string desk, Google.Type.Date? renewed = null)
    {
        var application = TestApplications.Valid();
        application.Number = number;
        application.FiledDate = filed;
        application.LastRenewedDate = renewed;
        application.RegisteringDesk = desk;
        return national.ImportApplicationAsync(new ImportApplicationRequest { RequestId = Guid.NewGuid().ToString(), Application = application }).ResponseAsync;
    }
}
