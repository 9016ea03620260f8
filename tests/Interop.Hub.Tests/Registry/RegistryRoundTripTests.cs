using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

/// <summary>The life of one application through every registry call, over a real socket and database.</summary>
public sealed class RegistryRoundTripTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("roundtrip");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CreateApplication_ValidRequest_MintsNumberAndStoresTheApplication()
    {
        var request = TestApplications.Create("B0001");
        var created = (await registry.CreateApplicationAsync(request)).Application;

        Assert.Matches("^0142603B0001000\\d\\d[0-9A-Z]$", created.Number);
        Assert.Equal("applications/" + created.Number, created.Name);
        Assert.Equal(ApplicationStatus.Active, created.Status);
        Assert.Equal(1, created.Revision);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 3, Day = 10 }, created.FiledDate);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 3, Day = 10 }, created.ExpiryDate);
        Assert.Equal("B0001", created.RegisteringDesk);

        var read = await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name });
        Assert.Equal(created, read);
        Assert.Equal(request.Application.Applicant.LastName, read.Applicant.LastName);
        Assert.Equal("Léo", read.HouseholdMembers.Single().FirstNames.Single());
        Assert.Equal(["14118", "14327"], read.Wishes.CommuneCodes);
    }

    [Fact]
    public async Task CreateApplication_SameDeskTwice_MintsConsecutiveCounters()
    {
        var first = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application.Number;
        var second = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application.Number;

        Assert.Equal("0142603B000100001", first[..17]);
        Assert.Equal("0142603B000100002", second[..17]);
    }

    [Fact]
    public async Task UpdateApplication_MaskedField_ChangesOnlyThatFieldAndBumpsRevision()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;

        var updated = await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Shelter, ReasonCodes = { "99" } },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });

        Assert.Equal(2, updated.Revision);
        Assert.Equal(HousingSituation.Shelter, updated.CurrentHousing);
        Assert.Equal(["09"], updated.ReasonCodes);
        Assert.Equal(created.Applicant, updated.Applicant);
        Assert.Equal(updated, await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name }));
    }

    [Fact]
    public async Task RenewApplication_OneMonthBeforeExpiry_ExtendsValidityOneYearFromRenewal()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => Renew(created.Name, 1), "ILLEGAL_TRANSITION");

        hub.Clock.Advance(TimeSpan.FromDays(340));
        var renewed = await Renew(created.Name, 1);

        Assert.Equal(ApplicationStatus.Active, renewed.Status);
        Assert.Equal(2, renewed.Revision);
        Assert.Equal(created.FiledDate, renewed.FiledDate);
        Assert.Equal(new Google.Type.Date { Year = 2027, Month = 2, Day = 13 }, renewed.LastRenewedDate);
        Assert.Equal(new Google.Type.Date { Year = 2028, Month = 2, Day = 13 }, renewed.ExpiryDate);
        Assert.Equal(created.Number, renewed.Number);
    }

    [Fact]
    public async Task RadiateThenReactivate_NoAnswerAfterWarningLetter_KeepsNumberAndSeniority()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var letter = new Google.Type.Date { Year = 2026, Month = 2, Day = 10 };

        var radiated = await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.NoAnswer,
            WarningLetterDate = letter,
        });
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.NoAnswer, radiated.Radiation.Reason);
        Assert.Equal(letter, radiated.Radiation.WarningLetterDate);
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 3, Day = 10 }, radiated.Radiation.RadiationDate);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Shelter },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 2,
        }).ResponseAsync, "ILLEGAL_TRANSITION");

        hub.Clock.Advance(TimeSpan.FromDays(60));
        var reactivated = await registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 2,
        });
        Assert.Equal(ApplicationStatus.Active, reactivated.Status);
        Assert.Null(reactivated.Radiation);
        Assert.Equal(created.Number, reactivated.Number);
        Assert.Equal(created.FiledDate, reactivated.FiledDate);
        Assert.Equal(3, reactivated.Revision);
    }

    [Fact]
    public async Task RadiateApplication_Renunciation_IsFinal()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var radiated = await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Renunciation,
        });
        Assert.Equal(RadiationReason.Renunciation, radiated.Radiation.Reason);

        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 2,
        }).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    [Fact]
    public async Task GetApplication_UnknownNumberAskedByWhoMaySeeEverything_IsNotFoundWithResourceInfo()
    {
        var administrator = new RegistryService.RegistryServiceClient(hub.Admin);
        var status = await RpcAssert.FailsAsync(
            StatusCode.NotFound, () => administrator.GetApplicationAsync(new GetApplicationRequest { Name = "applications/0142603Z999999999X" }).ResponseAsync, "NOT_FOUND");

        Assert.Equal("applications/0142603Z999999999X", status.GetDetail<Google.Rpc.ResourceInfo>().ResourceName);
    }

    private Task<Application> Renew(string name, long revision) => registry.RenewApplicationAsync(new RenewApplicationRequest
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = name,
        ExpectedRevision = revision,
    }).ResponseAsync;
}
