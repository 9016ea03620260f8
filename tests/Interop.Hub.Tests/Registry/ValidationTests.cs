using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

/// <summary>Bad input gets INVALID_ARGUMENT naming every bad field, and nothing is written.</summary>
public sealed class ValidationTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private DatabaseProbe probe = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("validation");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        probe = new DatabaseProbe(hub.ConnectionString);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task CreateApplication_ManyBadFields_NamesEachAndStoresNothing()
    {
        var application = TestApplications.Valid();
        application.Applicant.BirthDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 30 };
        application.Applicant.Sex = Sex.Unspecified;
        application.Applicant.FirstNames.Clear();
        application.HouseholdMembers[0].Relationship = Relationship.Unspecified;
        application.Wishes.CommuneCodes.Add("75056");
        application.Wishes.CommuneCodes.Add("1411");
        application.ReasonCodes.Add("24");
        application.Resources.MonthlyIncomeEur = -5;
        var request = new CreateApplicationRequest { RequestId = "not-a-uuid", RegisteringDesk = "b-1", Application = application };
        var before = await probe.CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(request).ResponseAsync, "INVALID_ARGUMENT");

        var fields = RpcAssert.ViolatedFields(status);
        Assert.Contains("request_id", fields);
        Assert.Contains("registering_desk", fields);
        Assert.Contains("application.applicant.birth_date", fields);
        Assert.Contains("application.applicant.sex", fields);
        Assert.Contains("application.applicant.first_names", fields);
        Assert.Contains("application.household_members[0].relationship", fields);
        Assert.Contains("application.wishes.commune_codes[2]", fields);
        Assert.Contains("application.wishes.commune_codes[3]", fields);
        Assert.Contains("application.reason_codes[1]", fields);
        Assert.Contains("application.resources.monthly_income_eur", fields);
        Assert.Equal(before, await probe.CountAsync());
    }

    [Fact]
    public async Task CreateApplication_UnknownDepartementAndFutureBirthDate_AreRefused()
    {
        var application = TestApplications.Valid();
        application.Departement = "20";
        application.Applicant.BirthDate = new Google.Type.Date { Year = 2030, Month = 1, Day = 1 };

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(TestApplications.Create("B0001", application)).ResponseAsync);

        var fields = RpcAssert.ViolatedFields(status);
        Assert.Contains("application.departement", fields);
        Assert.Contains("application.applicant.birth_date", fields);
        Assert.Equal(0, (await probe.CountAsync()).Applications);
    }

    [Fact]
    public async Task UpdateApplication_MaskNamingAnOutputOnlyField_IsRefusedAndChangesNothing()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var before = await probe.CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, Status = ApplicationStatus.Radiated },
            UpdateMask = new FieldMask { Paths = { "status" } },
            ExpectedRevision = 1,
        }).ResponseAsync);

        Assert.Equal(["update_mask"], RpcAssert.ViolatedFields(status));
        Assert.Equal(before, await probe.CountAsync());
    }

    [Fact]
    public async Task UpdateApplication_MaskedFieldInvalid_IsRefusedButUnmaskedGarbageIsIgnored()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var before = await probe.CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application
            {
                Name = created.Name,
                Wishes = new Wishes { Typologies = { Typology.T2 }, CommuneCodes = { "61001" } },
                Applicant = new Person { BirthDate = new Google.Type.Date { Year = 2001, Month = 13, Day = 1 } },
            },
            UpdateMask = new FieldMask { Paths = { "wishes" } },
            ExpectedRevision = 1,
        }).ResponseAsync);

        Assert.Equal(["application.wishes.commune_codes[0]"], RpcAssert.ViolatedFields(status));
        Assert.Equal(before, await probe.CountAsync());
    }

    [Fact]
    public async Task RadiateApplication_ReasonReservedToTheHub_IsRefused()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Attribution,
        }).ResponseAsync);

        Assert.Equal(["reason"], RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task RadiateApplication_NoAnswerBeforeAMonthHasPassed_IsAFailedPrecondition()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var before = await probe.CountAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.NoAnswer,
            WarningLetterDate = new Google.Type.Date { Year = 2026, Month = 2, Day = 20 },
        }).ResponseAsync, "ILLEGAL_TRANSITION");

        Assert.Equal(created.Name, status.GetDetail<Google.Rpc.PreconditionFailure>().Violations.Single().Subject);
        Assert.Equal(before, await probe.CountAsync());
    }
}
