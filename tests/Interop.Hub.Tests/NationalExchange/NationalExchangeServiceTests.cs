using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.NationalExchange;

/// <summary>
/// NationalExchangeService over a real hub: who may report the national answers, what a bad
/// request is told, what the registering landlord sees, and that replays change nothing.
/// </summary>
public sealed class NationalExchangeServiceTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private NationalExchangeService.NationalExchangeServiceClient national = null!;
    private NationalExchangeService.NationalExchangeServiceClient registrar = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("national-exchange-service");
        national = new NationalExchangeService.NationalExchangeServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("national-exchange", OrganizationKind.NationalExchange)));
        registrar = new NationalExchangeService.NationalExchangeServiceClient(hub.Calls);
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task RecordNationalRejection_TheSameLineTwiceWithOtherRequestIds_IsRecordedOnceAndSeenByTheRegistrar()
    {
        var application = await RegisterAsync();

        var first = await national.RecordNationalRejectionAsync(Rejection(application, line: 3));
        var again = await national.RecordNationalRejectionAsync(Rejection(application, line: 3));

        Assert.Equal(first.Name, again.Name);
        Assert.StartsWith(application.Name + "/nationalRejections/", first.Name, StringComparison.Ordinal);
        var seen = Assert.Single((await registrar.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = application.Name })).NationalRejections);
        Assert.Equal((first.Name, "GUI01", NationalRejectionState.Open), (seen.Name, seen.ControlCode, seen.State));
        // A rejection is not a change of the application: no new revision.
        Assert.Equal(1, (await registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name })).Revision);
    }

    [Fact]
    public async Task ResolveNationalRejections_AnAcknowledgedLaterRevision_ClosesTheEarlierOnesOnly()
    {
        var application = await RegisterAsync();
        await national.RecordNationalRejectionAsync(Rejection(application, line: 1, revision: 1));
        await national.RecordNationalRejectionAsync(Rejection(application, line: 2, revision: 3));

        var resolved = await national.ResolveNationalRejectionsAsync(new ResolveNationalRejectionsRequest
        {
            RequestId = Guid.NewGuid().ToString(), Parent = application.Name, AcknowledgedRevision = 2, ReturnFile = "2026-03-10/1",
        });

        var one = Assert.Single(resolved.Resolved);
        Assert.Equal((1L, 2L, NationalRejectionState.Resolved), (one.RejectedRevision, one.ResolvedRevision, one.State));
        var open = Assert.Single((await registrar.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = application.Name })).NationalRejections);
        Assert.Equal(3, open.RejectedRevision);
        Assert.Equal(2, (await registrar.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = application.Name, IncludeResolved = true })).NationalRejections.Count);
    }

    [Fact]
    public async Task RecordNationalRejection_FromALandlord_IsPermissionDenied()
    {
        var application = await RegisterAsync();

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => registrar.RecordNationalRejectionAsync(Rejection(application, line: 1)).ResponseAsync);
    }

    [Fact]
    public async Task RecordNationalRejection_WithoutItsLine_IsInvalidArgumentNamingEveryField()
    {
        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => national.RecordNationalRejectionAsync(new RecordNationalRejectionRequest
        {
            RequestId = "not-a-uuid",
            Parent = "applications/",
            Rejection = new NationalRejection { NationalType = "XXX" },
        }).ResponseAsync);

        Assert.Equal(
            ["request_id", "parent", "rejection.national_type", "rejection.control_code", "rejection.rejected_revision", "rejection.export_file", "rejection.line_number", "rejection.return_file"],
            RpcAssert.ViolatedFields(status));
    }

    [Fact]
    public async Task ListNationalRejections_OfEveryApplication_IsForThoseWhoReadEverything()
    {
        var application = await RegisterAsync();
        await national.RecordNationalRejectionAsync(Rejection(application, line: 9));

        await RpcAssert.FailsAsync(StatusCode.PermissionDenied, () => registrar.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = "applications/-" }).ResponseAsync);
        var all = await national.ListNationalRejectionsAsync(new ListNationalRejectionsRequest { Parent = "applications/-" });
        Assert.Contains(all.NationalRejections, r => r.Name.StartsWith(application.Name + "/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordNationalRadiation_OfAnActiveApplication_RadiatesWithTheNationalReasonAndDate_AndReplaysTheSameAnswer()
    {
        var application = await RegisterAsync();
        var request = new RecordNationalRadiationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = application.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.NoAnswer,
            RadiationDate = new Google.Type.Date { Year = 2026, Month = 3, Day = 9 },
            NationalReference = "retour-20260310-0001.xml line 4",
        };

        var radiated = await national.RecordNationalRadiationAsync(request);
        var replayed = await national.RecordNationalRadiationAsync(request);

        Assert.Equal((ApplicationStatus.Radiated, RadiationReason.NoAnswer, 2L), (radiated.Status, radiated.Radiation.Reason, radiated.Revision));
        Assert.Equal(new Google.Type.Date { Year = 2026, Month = 3, Day = 9 }, radiated.Radiation.RadiationDate);
        Assert.Equal(radiated, replayed);
        Assert.Equal(2, (await registry.GetApplicationAsync(new GetApplicationRequest { Name = application.Name })).Revision);
        var again = request.Clone();
        again.RequestId = Guid.NewGuid().ToString();
        again.ExpectedRevision = 2;
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => national.RecordNationalRadiationAsync(again).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    [Fact]
    public async Task RecordNationalRadiation_AfterTodayOrWithoutItsSubReason_IsInvalidArgument()
    {
        var application = await RegisterAsync();

        var status = await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => national.RecordNationalRadiationAsync(new RecordNationalRadiationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = application.Name,
            ExpectedRevision = 1,
            Reason = RadiationReason.Inadmissibility,
            RadiationDate = new Google.Type.Date { Year = 2026, Month = 12, Day = 1 },
        }).ResponseAsync);

        Assert.Equal(["inadmissibility_reason", "radiation_date"], RpcAssert.ViolatedFields(status));
    }

    private async Task<Application> RegisterAsync() => (await registry.CreateApplicationAsync(TestApplications.Create())).Application;

    private static RecordNationalRejectionRequest Rejection(Application application, long line, long revision = 1) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Parent = application.Name,
        Rejection = new NationalRejection
        {
            NationalType = "CRE",
            ControlCode = "GUI01",
            Message = "Guichet inconnu du système national",
            RejectedRevision = revision,
            ExportFile = "nuu-20260310-0001.xml",
            LineNumber = line,
            ReturnFile = "retour-20260310-0001.xml",
        },
    };
}
