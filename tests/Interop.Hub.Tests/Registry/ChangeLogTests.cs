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
}
