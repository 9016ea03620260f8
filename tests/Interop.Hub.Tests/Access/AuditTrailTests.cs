using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Access;

/// <summary>Every read or change of personal data leaves an audit record, which nobody can change or delete.</summary>
public sealed class AuditTrailTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private RegistryService.RegistryServiceClient registry = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("audit");
        registry = new RegistryService.RegistryServiceClient(hub.Calls);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ReadsAndChanges_AreRecordedWithWhoWhatWhenAndWhere()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        var other = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;
        await registry.GetApplicationAsync(new GetApplicationRequest { Name = created.Name });
        await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = created.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });
        await registry.ListApplicationsAsync(new ListApplicationsRequest());

        var trail = await new AuditService.AuditServiceClient(hub.Admin).ListAuditRecordsAsync(new ListAuditRecordsRequest { Application = created.Name });

        Assert.Equal(
            ["/interop.v1.RegistryService/ListApplications", "/interop.v1.RegistryService/UpdateApplication", "/interop.v1.RegistryService/GetApplication", "/interop.v1.RegistryService/CreateApplication"],
            trail.AuditRecords.Select(r => r.Method));
        Assert.Equal([AuditAction.Read, AuditAction.Change, AuditAction.Read, AuditAction.Change], trail.AuditRecords.Select(r => r.Action));
        Assert.All(trail.AuditRecords, r =>
        {
            Assert.Equal("organizations/test-registrar", r.Organization);
            Assert.NotEmpty(r.KeyId);
            Assert.Contains("127.0.0.1", r.Peer, StringComparison.Ordinal);
        });
        var listedOther = await new AuditService.AuditServiceClient(hub.Admin).ListAuditRecordsAsync(new ListAuditRecordsRequest { Application = other.Name });
        Assert.Equal(2, listedOther.AuditRecords.Count);
    }

    [Fact]
    public async Task RegisteringOrganisation_ReadsTheTrailOfItsApplication_ForTheApplicantsRightOfAccess()
    {
        var created = (await registry.CreateApplicationAsync(TestApplications.Create())).Application;

        var trail = await new AuditService.AuditServiceClient(hub.Calls).ListAuditRecordsAsync(new ListAuditRecordsRequest { Application = created.Name });

        Assert.Single(trail.AuditRecords);
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => new AuditService.AuditServiceClient(hub.Calls)
            .ListAuditRecordsAsync(new ListAuditRecordsRequest()).ResponseAsync);
    }

    [Theory]
    [InlineData("UPDATE audit_records SET organization_id = 'someone-else'")]
    [InlineData("DELETE FROM audit_records")]
    [InlineData("TRUNCATE audit_records")]
    public async Task AuditRecords_CannotBeRewrittenEvenByTheDatabaseOwner(string sql)
    {
        await registry.CreateApplicationAsync(TestApplications.Create());
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var remaining = await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM audit_records WHERE organization_id = 'test-registrar'");
        Assert.Equal(1, remaining.Single());
    }
}
