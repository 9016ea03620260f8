using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Renewal;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Renewal;

/// <summary>The renewal job radiates RADREN one month after expiry, on a fake clock.</summary>
public sealed class RenewalSweepTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;
    private RenewalSweep sweep = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("renewal");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
        sweep = hub.Services.GetRequiredService<RenewalSweep>();
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Sweep_OneMonthAfterExpiry_RadiatesNotRenewedAndAllowsReactivationUntilEighteenMonths()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;

        // Filed 2026-03-10, expires 2027-03-10, due for RADREN on 2027-04-10.
        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 9, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(ApplicationStatus.Active, (await Get(created.Name)).Status);

        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        var radiated = await Get(created.Name);
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.NotRenewed, radiated.Radiation.Reason);
        Assert.Equal(2, radiated.Revision);

        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));

        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 9, 10, 9, 0, 0, TimeSpan.Zero));
        var reactivated = await registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 2,
        });
        Assert.Equal(ApplicationStatus.Active, reactivated.Status);
        Assert.Equal(created.FiledDate, reactivated.FiledDate);
        Assert.Equal(new Google.Type.Date { Year = 2028, Month = 9, Day = 10 }, reactivated.ExpiryDate);
    }

    [Fact]
    public async Task Sweep_RecordsTheRadiationAsTheJobsChange_WithNoRequestIdNorAuditRecord()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 10, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));

        var probe = new DatabaseProbe(hub.ConnectionString);
        var change = (await probe.ChangesAsync(created.Number))[^1];
        Assert.Equal((2L, "radiated", RenewalSweep.Actor, (string?)null), (change.Revision, change.Kind, change.Actor, change.RequestId));
        Assert.Equal("""{"status": "radiated", "expiry_date": "2027-03-10", "radiation_reason": "RADREN"}""", change.Details);
        Assert.Equal([("test-registrar", "/interop.v1.RegistryService/CreateApplication")], await probe.ChangeAuditsAsync(created.Number));
    }

    [Fact]
    public async Task Sweep_RenewedInTime_LeavesTheApplicationActive()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await registry.RenewApplicationAsync(new RenewApplicationRequest { RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 1 });

        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 11, 9, 0, 0, TimeSpan.Zero));
        await sweep.RunOnceAsync(CancellationToken.None);

        Assert.Equal(ApplicationStatus.Active, (await Get(created.Name)).Status);
    }

    [Fact]
    public async Task Reactivation_AfterEighteenMonths_IsRefused()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 11, 9, 0, 0, TimeSpan.Zero));
        await sweep.RunOnceAsync(CancellationToken.None);

        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 9, 11, 9, 0, 0, TimeSpan.Zero));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = created.Name,
            ExpectedRevision = 2,
        }).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    private Task<Application> Get(string name) => registry.GetApplicationAsync(new GetApplicationRequest { Name = name }).ResponseAsync;
}
