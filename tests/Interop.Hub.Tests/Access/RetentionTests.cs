using Interop.Contracts.V1;
using Interop.Hub.Retention;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Access;

/// <summary>Personal data of applications radiated more than a year ago are erased, and nothing else.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("retention");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Sweep_OneYearAfterRadiation_ErasesExactlyThePersonalDataDue()
    {
        var radiatedEarly = await RegisterAndRadiate();
        hub.Clock.Advance(TimeSpan.FromDays(10));
        var radiatedLater = await RegisterAndRadiate();
        var stillActive = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        var sweep = hub.Services.GetRequiredService<ErasureSweep>();

        // 2026-03-10 + 365 days: the first radiation is due, the second (10 days later) is not.
        hub.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 10, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));

        var administrator = new RegistryService.RegistryServiceClient(hub.Admin);
        var erased = await administrator.GetApplicationAsync(new GetApplicationRequest { Name = radiatedEarly.Name });
        Assert.Equal(ApplicationStatus.Erased, erased.Status);
        Assert.Null(erased.Applicant);
        Assert.Empty(erased.HouseholdMembers);
        Assert.Equal(RadiationReason.Renunciation, erased.Radiation.Reason);
        Assert.Equal(radiatedEarly.Number, erased.Number);
        Assert.Equal(radiatedLater.Applicant.LastName, (await administrator.GetApplicationAsync(new GetApplicationRequest { Name = radiatedLater.Name })).Applicant.LastName);
        Assert.Equal(ApplicationStatus.Active, (await administrator.GetApplicationAsync(new GetApplicationRequest { Name = stillActive.Name })).Status);

        var probe = new DatabaseProbe(hub.ConnectionString);
        var stored = await probe.QueryAsync<(string? Household, string Statistics)>(
            "SELECT household::text, statistics::text FROM applications WHERE number = @number", new { number = radiatedEarly.Number });
        Assert.Null(stored.Single().Household);
        Assert.Contains("\"householdSize\": 2", stored.Single().Statistics, StringComparison.Ordinal);
        Assert.DoesNotContain("Lefran", stored.Single().Statistics, StringComparison.Ordinal);
        var keys = await probe.QueryAsync<long>("SELECT count(*) FROM identity_keys WHERE number = @number", new { number = radiatedEarly.Number });
        Assert.Equal(0, keys.Single());
        var change = (await probe.ChangesAsync(radiatedEarly.Number))[^1];
        Assert.Equal((3L, "erased", "hub:retention-job", (string?)null), (change.Revision, change.Kind, change.Actor, change.RequestId));
        Assert.Equal("""{"status": "erased", "radiation_date": "2026-03-10"}""", change.Details);
        Assert.Equal(
            ["/interop.v1.RegistryService/CreateApplication", "/interop.v1.RegistryService/RadiateApplication"],
            (await probe.ChangeAuditsAsync(radiatedEarly.Number)).Select(a => a.Method));

        hub.Clock.Advance(TimeSpan.FromDays(10));
        Assert.Equal(1, await sweep.RunOnceAsync(CancellationToken.None));
        Assert.Equal(0, await sweep.RunOnceAsync(CancellationToken.None));
    }

    private async Task<Application> RegisterAndRadiate()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        return await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 1, Reason = RadiationReason.Renunciation,
        });
    }
}
