using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Storage.History;
using Interop.Testing;

namespace Interop.Hub.Tests.Observatory;

/// <summary>
/// Migration 0007 on a hub that already holds applications whose early changes
/// were pruned from the feed: replayed on a database whose history is dropped.
/// </summary>
public sealed class HistoryMigrationTests : IAsyncLifetime
{
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("history-migration");

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task Backfill_RecordsTheCurrentState_AndOlderChangesAsWhoAndWhenOnly()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var created = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        var registeredAt = hub.Clock.GetUtcNow();
        hub.Clock.Advance(TimeSpan.FromDays(3));
        var changed = created.Clone();
        changed.CurrentHousing = HousingSituation.Hotel;
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Application = changed, UpdateMask = Google.Protobuf.WellKnownTypes.FieldMask.FromString("current_housing"), ExpectedRevision = 1,
        });
        await using (var script = typeof(HistoryStore).Assembly.GetManifestResourceStream(
            "Interop.Hub.Storage.Migrations.Scripts.0007_a_application_history.sql")!)
        await using (var connection = new Npgsql.NpgsqlConnection(hub.ConnectionString))
        {
            await connection.OpenAsync();
            await using var replay = new Npgsql.NpgsqlCommand("DROP TABLE application_history; " + await new StreamReader(script).ReadToEndAsync(), connection);
            await replay.ExecuteNonQueryAsync();
        }

        var changes = (await new ObservatoryService.ObservatoryServiceClient(hub.Calls)
            .ListApplicationChangesAsync(new ListApplicationChangesRequest { Parent = created.Name })).Changes;
        var now = await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name, AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(hub.Clock.GetUtcNow()) });

        Assert.Equal([(ChangeKind.Registered, false), (ChangeKind.Updated, true)], changes.Select(c => (c.Kind, c.StateRecorded)));
        Assert.All(changes, c => Assert.Empty(c.FieldChanges));
        Assert.Equal((2L, HousingSituation.Hotel, created.Applicant.LastName), (now.Revision, now.CurrentHousing, now.Applicant.LastName));
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            async () => await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name, AsOf = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(registeredAt.AddDays(1)) }),
            "HISTORY_NOT_RECORDED");
    }
}
