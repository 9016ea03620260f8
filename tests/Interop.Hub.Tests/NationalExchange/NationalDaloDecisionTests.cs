using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.NationalExchange;

/// <summary>
/// NationalExchangeService.RecordNationalDaloDecision over a real hub: the decided status
/// reaches the application (one revision up, one change), the same decision again changes
/// nothing, and only the national exchange may report it.
/// </summary>
public sealed class NationalDaloDecisionTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private NationalExchangeService.NationalExchangeServiceClient national = null!;
    private NationalExchangeService.NationalExchangeServiceClient landlord = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("national-dalo-decision");
        national = new NationalExchangeService.NationalExchangeServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        landlord = new NationalExchangeService.NationalExchangeServiceClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task RecordNationalDaloDecision_ANewStatus_IsRecordedOnce_AndTheSameDecisionAgainChangesNothing()
    {
        var application = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        var request = Decision(application.Name, 1, DaloStatus.Active);

        var decided = await national.RecordNationalDaloDecisionAsync(request);
        var replayed = await national.RecordNationalDaloDecisionAsync(request);
        var sameDecisionOtherFile = Decision(application.Name, 2, DaloStatus.Active);
        var unchanged = await national.RecordNationalDaloDecisionAsync(sameDecisionOtherFile);

        Assert.Equal((DaloStatus.Active, 2L), (decided.Priority.DaloStatus, decided.Revision));
        Assert.Equal(decided, replayed);
        Assert.Equal(decided, unchanged);
        var read = await registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name });
        Assert.Equal((DaloStatus.Active, 2L), (read.Priority.DaloStatus, read.Revision));
        // Only the priority moved: the rest of the household is as the landlord wrote it.
        Assert.Equal(application.Applicant, read.Applicant);
        Assert.Equal(application.Wishes, read.Wishes);
    }

    [Fact]
    public async Task RecordNationalDaloDecision_OfARadiatedApplication_IsFailedPrecondition()
    {
        var application = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = application.Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
        });

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition, () => national.RecordNationalDaloDecisionAsync(Decision(application.Name, 2, DaloStatus.Active)).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    [Fact]
    public async Task RecordNationalDaloDecision_FromALandlord_IsPermissionDenied()
    {
        var application = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => landlord.RecordNationalDaloDecisionAsync(Decision(application.Name, 1, DaloStatus.Active)).ResponseAsync);
    }

    [Fact]
    public async Task RecordNationalDaloDecision_WithoutStatusAndInTheFuture_IsInvalidArgumentNamingBoth()
    {
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => national.RecordNationalDaloDecisionAsync(new RecordNationalDaloDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = "applications/0142603B000100003N",
            ExpectedRevision = 1,
            DecisionDate = new Google.Type.Date { Year = 2099, Month = 1, Day = 1 },
        }).ResponseAsync);

        Assert.Equal(["dalo_status", "decision_date"], RpcAssert.ViolatedFields(status));
    }

    private static RecordNationalDaloDecisionRequest Decision(string name, long revision, DaloStatus status) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = name,
        ExpectedRevision = revision,
        DaloStatus = status,
        DecisionDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 9 },
        NationalReference = "retour-20260310-0001.xml line 5",
    };
}
