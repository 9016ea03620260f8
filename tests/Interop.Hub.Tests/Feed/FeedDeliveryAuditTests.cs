using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Feed;
using Interop.Testing;
using Npgsql;

namespace Interop.Hub.Tests.Feed;

/// <summary>
/// The feed's reads, recorded compactly (one row per reader and batch), are
/// what an auditor finds through the audit API: by application and by
/// organisation, for a stream at the head and for one catching up behind the
/// shared window, merged with the other reads in one order across pages.
/// </summary>
public sealed class FeedDeliveryAuditTests : IAsyncLifetime
{
    private const string SubscribeMethod = "/interop.v1.ChangeFeedService/Subscribe";

    private HubHost hub = null!;
    private CallInvoker landlord = null!;
    private CallInvoker prefecture = null!;
    private CallInvoker departement = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("feedaudit");
        landlord = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-a", OrganizationKind.Landlord, stock: ["14118"], desks: ["LA001"]));
        prefecture = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("prefecture", OrganizationKind.StateService, departements: ["14"]));
        departement = await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("ddets-14", OrganizationKind.StateService, departements: ["14"]));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task DeliveredChanges_AreInTheAuditTrail_ByApplicationAndByOrganisation_AtTheHeadAndInCatchUp()
    {
        await using var live = FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = "live" });
        await live.WaitForCaughtUpAsync(0, TimeSpan.FromSeconds(30));
        var numbers = await CreateAsync(3);
        var created = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await live.WaitForCaughtUpAsync(created, TimeSpan.FromSeconds(30));

        // Pushes the first changes out of the shared window: a stream starting at 0 then reads them itself.
        var head = await FeedBacklog.AddAsync(hub.ConnectionString, numbers[0], "landlord-a", FeedFanOut.WindowCapacity + 50);
        await live.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(60));
        await using (var late = FeedCounter.Start(departement, new SubscribeRequest { SubscriptionId = "late" }))
        {
            await late.WaitForCaughtUpAsync(head, TimeSpan.FromSeconds(60));
            Assert.Equal(Enumerable.Range(1, (int)head).Select(i => (long)i), late.Seqs);
        }

        var audit = new AuditService.AuditServiceClient(hub.Admin);
        foreach (var number in numbers)
        {
            var records = (await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest { Application = $"applications/{number}", PageSize = 1000 })).AuditRecords;
            var feedReaders = records.Where(r => r.Method == SubscribeMethod).ToList();
            Assert.All(feedReaders, r =>
            {
                Assert.Equal(AuditAction.Read, r.Action);
                Assert.NotEmpty(r.KeyId);
                Assert.Contains("127.0.0.1", r.Peer, StringComparison.Ordinal);
            });
            Assert.Equal(["organizations/ddets-14", "organizations/prefecture"], feedReaders.Select(r => r.Organization).Distinct().Order());
        }

        foreach (var organization in new[] { "organizations/prefecture", "organizations/ddets-14" })
        {
            var read = await ReadAllAsync(audit, new ListAuditRecordsRequest { Organization = organization, PageSize = 1000 });
            Assert.Equal(numbers.Order(), read.Where(r => r.Method == SubscribeMethod).Select(r => r.Application["applications/".Length..]).Distinct().Order());
        }
    }

    [Fact]
    public async Task AuditListing_PagesThroughBothTables_InOneOrder_WithoutGapOrRepeat()
    {
        await using var live = FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = "live" });
        await live.WaitForCaughtUpAsync(0, TimeSpan.FromSeconds(30));
        var numbers = await CreateAsync(4);
        await live.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString), TimeSpan.FromSeconds(30));
        var registry = new RegistryService.RegistryServiceClient(prefecture);
        await registry.GetApplicationAsync(new GetApplicationRequest { Name = $"applications/{numbers[1]}" });

        // A reader's row of several applications, as one batch writes it: a page may end inside it.
        await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>(
            """
            INSERT INTO feed_delivery_audits (access_time, organization_id, key_id, method, peer, application_numbers)
            VALUES (now(), 'prefecture', 'k', @method, 'ipv4:127.0.0.1:1', @numbers) RETURNING audit_id
            """,
            new { method = SubscribeMethod, numbers = numbers.Order(StringComparer.Ordinal).ToArray() });
        await registry.GetApplicationAsync(new GetApplicationRequest { Name = $"applications/{numbers[2]}" });

        var audit = new AuditService.AuditServiceClient(hub.Admin);
        var request = new ListAuditRecordsRequest { Organization = "organizations/prefecture" };
        var whole = (await audit.ListAuditRecordsAsync(new ListAuditRecordsRequest(request) { PageSize = 1000 })).AuditRecords.ToList();
        var paged = await ReadAllAsync(audit, new ListAuditRecordsRequest(request) { PageSize = 3 });

        Assert.Equal(whole, paged);
        Assert.Equal(2, whole.Count(r => r.Method.EndsWith("/GetApplication", StringComparison.Ordinal)));
        Assert.Equal(2 * numbers.Count, whole.Count(r => r.Method == SubscribeMethod));
        Assert.Equal("/interop.v1.RegistryService/GetApplication", whole[0].Method);
        Assert.Equal(numbers.Order(StringComparer.Ordinal).Reverse().Select(n => $"applications/{n}"), whole.Skip(1).Take(4).Select(r => r.Application));
        Assert.Equal(
            whole.Select(r => (r.AuditId, r.Application)).OrderByDescending(r => r.AuditId).ThenByDescending(r => r.Application, StringComparer.Ordinal),
            whole.Select(r => (r.AuditId, r.Application)));
    }

    [Theory]
    [InlineData("UPDATE feed_delivery_audits SET organization_id = 'someone-else'")]
    [InlineData("DELETE FROM feed_delivery_audits")]
    [InlineData("TRUNCATE feed_delivery_audits")]
    public async Task FeedDeliveryAudits_CannotBeRewrittenEvenByTheDatabaseOwner(string sql)
    {
        await using var live = FeedCounter.Start(prefecture, new SubscribeRequest { SubscriptionId = "live" });
        await live.WaitForCaughtUpAsync(0, TimeSpan.FromSeconds(30));
        await CreateAsync(1);
        await live.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString), TimeSpan.FromSeconds(30));
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync());

        Assert.Contains("append-only", refused.MessageText, StringComparison.Ordinal);
        var remaining = await new DatabaseProbe(hub.ConnectionString).QueryAsync<long>("SELECT count(*) FROM feed_delivery_audits WHERE organization_id = 'prefecture'");
        Assert.Equal(1, remaining.Single());
    }

    private static async Task<List<AuditRecord>> ReadAllAsync(AuditService.AuditServiceClient audit, ListAuditRecordsRequest request)
    {
        var all = new List<AuditRecord>();
        while (true)
        {
            var page = await audit.ListAuditRecordsAsync(request);
            all.AddRange(page.AuditRecords);
            if (page.NextPageToken.Length == 0)
            {
                return all;
            }

            request = new ListAuditRecordsRequest(request) { PageToken = page.NextPageToken };
        }
    }

    private async Task<List<string>> CreateAsync(int count)
    {
        var registry = new RegistryService.RegistryServiceClient(landlord);
        var numbers = new List<string>();
        for (var i = 0; i < count; i++)
        {
            numbers.Add((await registry.CreateApplicationAsync(TestApplications.Create("LA001"))).Application.Number);
        }

        return numbers;
    }
}
