using Interop.Contracts.V1;
using Interop.Hub.Attributions;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Interop.Hub.Tests.Attributions.AttributionCalls;

namespace Interop.Hub.Tests.Attributions;

/// <summary>A CAL's rejection for inadmissibility radiates RADIRR one month after its notification, on a fake clock.</summary>
public sealed class InadmissibilitySweepTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private AttributionCalls landlord = null!;
    private InadmissibilitySweep sweep = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("inadmissibility");
        landlord = new AttributionCalls(hub.Calls);
        sweep = hub.Services.GetRequiredService<InadmissibilitySweep>();
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<(Application Application, Proposal Rejected)> RejectAsync(Google.Type.Date notified)
    {
        var application = (await landlord.Registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var proposed = await landlord.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));
        var rejected = await landlord.Client.RecordCalDecisionAsync(new RecordCalDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = proposed.Name,
            ExpectedRevision = proposed.ApplicationRevision,
            Decision = new CalDecision
            {
                Outcome = CalOutcome.Inadmissibility,
                InadmissibilityReason = InadmissibilityReason.IrregularResidence,
                DecisionDate = On(2026, 3, 10),
                NotificationDate = notified,
            },
        });
        return (application, rejected);
    }

    [Fact]
    public async Task Sweep_ExactlyOneMonthAfterNotification_RadiatesInadmissibilityNotADayBefore()
    {
        var (application, rejected) = await RejectAsync(On(2026, 3, 10));
        Assert.Equal(ProposalState.RejectedInadmissible, rejected.State);

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 21, 0, 0, TimeSpan.Zero)); // 23:00 in Paris, 9 April
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(ApplicationStatus.Active, (await landlord.GetAsync(application.Name)).Status);

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 9, 22, 30, 0, TimeSpan.Zero)); // 00:30 in Paris, 10 April
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        var radiated = await landlord.GetAsync(application.Name);
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.Inadmissibility, radiated.Radiation.Reason);
        Assert.Equal(InadmissibilityReason.IrregularResidence, radiated.Radiation.InadmissibilityReason);
        Assert.Equal(On(2026, 4, 10), radiated.Radiation.RadiationDate);
        Assert.Equal(rejected.ApplicationRevision + 1, radiated.Revision);

        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
        var changes = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>(
            "SELECT kind || ':' || actor FROM changes WHERE application_number = @number ORDER BY revision",
            new { number = application.Name["applications/".Length..] });
        Assert.Equal(["registered:test-registrar", "proposed:test-registrar", "cal_decided:test-registrar", "radiated:" + InadmissibilitySweep.Actor], changes);

        // The job's change carries no request id and leaves no audit record: no organisation accessed anything.
        var probe = new DatabaseProbe(hub.ConnectionString);
        var radiation = (await probe.ChangesAsync(application.Number))[^1];
        Assert.Null(radiation.RequestId);
        Assert.Equal(
            $$"""{"status": "radiated", "proposal": "{{rejected.Name}}", "radiation_reason": "RADIRR", "notification_date": "2026-03-10", "inadmissibility_reason": "IRRSEJ"}""",
            radiation.Details);
        Assert.Equal(3, (await probe.ChangeAuditsAsync(application.Number)).Count);
    }

    [Fact]
    public async Task Sweep_ApplicationHousedElsewhereMeanwhile_LeavesItsAttributionAlone()
    {
        var (application, rejected) = await RejectAsync(On(2026, 3, 10));
        var other = new AttributionCalls(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-b", OrganizationKind.Landlord, stock: ["14118"])));
        var accepted = await other.UpToAcceptedOfferAsync(application.Name, rejected.ApplicationRevision, On(2026, 3, 10), "RPLSB");
        await other.Client.RecordLeaseSignedAsync(Lease(accepted, accepted.ApplicationRevision, On(2026, 3, 10)));

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 4, 11, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));

        var application2 = await landlord.GetAsync(application.Name);
        Assert.Equal(RadiationReason.Attribution, application2.Radiation.Reason);
        var pending = await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>(
            "SELECT count(*) FROM proposals WHERE inadmissibility_radiation_due IS NOT NULL");
        Assert.Equal([0L], pending);
    }
}
