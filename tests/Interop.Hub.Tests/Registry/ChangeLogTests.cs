using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Hub.Tests.Registry;

/// <summary>Every change appends one change record with the new revision, in the same transaction.</summary>
public sealed class ChangeLogTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("changelog");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task EveryMutation_AppendsOneChangeWithTheNewRevision()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });
        hub.Clock.Advance(TimeSpan.FromDays(340));
        await registry.RenewApplicationAsync(new RenewApplicationRequest { RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 2 });
        await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 3, Reason = RadiationReason.Renunciation,
        });

        var changes = await new DatabaseProbe(hub.ConnectionString).QueryAsync<(long Revision, string Kind, string Actor)>(
            "SELECT revision, kind, actor FROM changes WHERE application_number = @number ORDER BY position", new { number = created.Number });

        Assert.Equal(
            [(1L, "registered", "test-registrar"), (2L, "updated", "test-registrar"), (3L, "renewed", "test-registrar"), (4L, "radiated", "test-registrar")],
            changes);
    }

    [Fact]
    public async Task EveryMutation_RecordsTheCallersRequestIdAndWhatChanged_AndAuditsTheChange()
    {
        var create = TestApplications.Create("B0001");
        var created = (await registry.CreateApplicationAsync(create)).Application;
        var update = new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        };
        await registry.UpdateApplicationAsync(update);
        hub.Clock.Advance(TimeSpan.FromDays(340));
        var renew = new RenewApplicationRequest { RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 2 };
        await registry.RenewApplicationAsync(renew);
        var radiate = new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = created.Name, ExpectedRevision = 3, Reason = RadiationReason.Renunciation,
        };
        await registry.RadiateApplicationAsync(radiate);

        var probe = new DatabaseProbe(hub.ConnectionString);
        var changes = await probe.ChangesAsync(created.Number);

        Assert.Equal([create.RequestId, update.RequestId, renew.RequestId, radiate.RequestId], changes.Select(c => c.RequestId));
        Assert.Equal(
            [
                """{"status": "active", "expiry_date": "2027-03-10", "radiation_reason": null}""",
                """{"fields": ["current_housing"]}""",
                """{"fields": [], "expiry_date": "2028-02-13", "last_renewed_date": "2027-02-13"}""",
                """{"status": "radiated", "expiry_date": "2028-02-13", "radiation_reason": "RADABA"}""",
            ],
            changes.Select(c => c.Details));
        var audits = await probe.ChangeAuditsAsync(created.Number);
        Assert.All(audits, a => Assert.Equal("test-registrar", a.Organization));
        Assert.Equal(
            ["CreateApplication", "UpdateApplication", "RenewApplication", "RadiateApplication"],
            audits.Select(a => a.Method["/interop.v1.RegistryService/".Length..]));
    }
}
