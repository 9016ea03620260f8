using System.Globalization;
using System.Net;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Storage.Feed;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Interop.Hub.Tests.Diagnostics;

/// <summary>
/// The Prometheus scrape endpoint of a real hub, read as Prometheus reads it (HTTP/1.1 text):
/// the feed lag of a subscription follows unacknowledged changes, and calls are counted by method and status.
/// </summary>
public sealed class MetricsEndpointTests : IAsyncLifetime
{
    private readonly HttpClient http = new();
    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("metrics", metrics: true);

    public async Task DisposeAsync()
    {
        http.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task FeedLag_GrowsWithUnacknowledgedChanges_AndFallsWhenAcknowledged()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(hub.Calls);
        var subscription = "erp-" + TestApplications.UniqueName().ToLowerInvariant();
        await registry.CreateApplicationAsync(TestApplications.Create());
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = head });
        string[] lag = ["interop_feed_lag{", $"interop_organization=\"{TestOrganizations.Registrar().OrganizationId}\"", $"interop_subscription=\"{subscription}\""];
        Assert.Equal(0, await MetricWhenAsync(lag, value => value == 0));

        for (var i = 0; i < 3; i++)
        {
            await registry.CreateApplicationAsync(TestApplications.Create());
        }

        var newHead = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        hub.Clock.Advance(TimeSpan.FromSeconds(90));

        Assert.Equal(newHead - head, await MetricWhenAsync(lag, value => value == newHead - head));
        var age = await MetricWhenAsync(["interop_feed_lag_age_seconds{", .. lag[1..]], value => value > 0);
        Assert.InRange(age, 90, 91);

        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = newHead });

        Assert.Equal(0, await MetricWhenAsync(lag, value => value == 0));
    }

    [Fact]
    public async Task FeedLag_MovesWhileChangesWait_AndFallsOnceAStreamDeliversThem_WithTheirDelays()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(hub.Calls);
        var subscription = "stream-" + TestApplications.UniqueName().ToLowerInvariant();
        await registry.CreateApplicationAsync(TestApplications.Create());
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = head });
        string[] lag = ["interop_feed_lag{", $"interop_subscription=\"{subscription}\""];
        Assert.Equal(0, await MetricWhenAsync(lag, value => value == 0));
        var sequencerDelays = await MetricOrZeroAsync("interop_feed_sequencer_delay_seconds_count");
        var deliveryDelaySum = await MetricOrZeroAsync("interop_feed_delivery_delay_seconds_sum");

        // Three changes wait a minute and a half for a subscriber that is away.
        for (var i = 0; i < 3; i++)
        {
            await registry.CreateApplicationAsync(TestApplications.Create());
        }

        var newHead = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        Assert.Equal(3, await MetricWhenAsync(lag, value => value == 3));
        hub.Clock.Advance(TimeSpan.FromSeconds(90));

        // The subscriber comes back: its stream delivers them, and it acknowledges what it received.
        await using (var stream = FeedRecorder.StartRaw(hub.Calls, new SubscribeRequest { SubscriptionId = subscription, IncludeOwnChanges = true }))
        {
            await stream.WaitForCaughtUpAsync(newHead);
            Assert.Equal([head + 1, head + 2, head + 3], stream.Changes.Select(c => c.ChangeSeq));
            await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = stream.Changes[^1].ChangeSeq });
        }

        Assert.Equal(0, await MetricWhenAsync(lag, value => value == 0));

        // Each was numbered by the sequencer, and reached the stream about 90 s after its commit.
        Assert.True(await MetricWhenAsync(["interop_feed_sequencer_delay_seconds_count"], value => value >= sequencerDelays + 3) >= sequencerDelays + 3);
        Assert.True(await MetricWhenAsync(["interop_feed_delivery_delay_seconds_sum"], value => value >= deliveryDelaySum + (3 * 90)) >= deliveryDelaySum + (3 * 90));
    }

    [Fact]
    public async Task FeedLag_OfACheckpointBehindThePrunedFeed_CountsFromTheCheckpoint_AndAgesFromTheOldestChangeKept()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var feed = new ChangeFeedService.ChangeFeedServiceClient(hub.Calls);
        var subscription = "away-" + TestApplications.UniqueName().ToLowerInvariant();
        await registry.CreateApplicationAsync(TestApplications.Create());
        var checkpoint = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await feed.AcknowledgeAsync(new AcknowledgeRequest { SubscriptionId = subscription, ChangeSeq = checkpoint });

        // Two changes a month old are pruned (once the read models have read them: pruning never
        // passes them); one change of today is kept, and waits a minute and a half.
        await registry.CreateApplicationAsync(TestApplications.Create());
        await registry.CreateApplicationAsync(TestApplications.Create());
        var old = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        var probe = new DatabaseProbe(hub.ConnectionString);
        await WhenAsync(async () => (await probe.QueryAsync<long?>("SELECT min(checkpoint_seq) FROM projection_checkpoints")).Single() >= old, $"the read models did not read up to {old}");
        hub.Clock.Advance(TimeSpan.FromDays(31));
        await registry.CreateApplicationAsync(TestApplications.Create());
        var head = await FeedHead.WhenSequencedAsync(hub.ConnectionString);
        await using (var pruning = new NpgsqlConnection(hub.ConnectionString))
        {
            await pruning.OpenAsync();
            await hub.Services.GetRequiredService<FeedStore>().PruneAsync(pruning, hub.Clock.GetUtcNow().AddDays(-30), CancellationToken.None);
        }

        Assert.Equal([old], await probe.QueryAsync<long>("SELECT pruned_through_seq FROM feed_state"));
        hub.Clock.Advance(TimeSpan.FromSeconds(90));

        string[] lag = ["interop_feed_lag{", $"interop_subscription=\"{subscription}\""];
        Assert.Equal(head - checkpoint, await MetricWhenAsync(lag, value => value == head - checkpoint));
        var age = await MetricWhenAsync(["interop_feed_lag_age_seconds{", .. lag[1..]], value => value > 0);
        Assert.InRange(age, 90, 91);
    }

    [Fact]
    public async Task Calls_AreCountedByMethodAndStatus_RefusalsBeforeTheServiceIncluded()
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        await registry.CreateApplicationAsync(TestApplications.Create());
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => registry.CreateApplicationAsync(new CreateApplicationRequest()).ResponseAsync);
        var anonymous = new RegistryService.RegistryServiceClient(hub.Channel);
        await RpcAssert.FailsAsync(StatusCode.Unauthenticated, () => anonymous.ListApplicationsAsync(new ListApplicationsRequest()).ResponseAsync);

        const string Calls = "interop_rpc_calls_total{";
        const string Registry = "rpc_service=\"interop.v1.RegistryService\"";
        Assert.True(await MetricWhenAsync([Calls, "interop_door=\"grpc\"", "rpc_grpc_status=\"OK\"", "rpc_method=\"CreateApplication\"", Registry], v => v >= 1) >= 1);
        Assert.True(await MetricWhenAsync([Calls, "rpc_grpc_status=\"INVALID_ARGUMENT\"", "rpc_method=\"CreateApplication\"", Registry], v => v >= 1) >= 1);
        Assert.True(await MetricWhenAsync([Calls, "rpc_grpc_status=\"UNAUTHENTICATED\"", "rpc_method=\"ListApplications\"", Registry], v => v >= 1) >= 1);
        Assert.True(await MetricWhenAsync(["interop_rpc_duration_seconds_count{", "rpc_method=\"CreateApplication\"", "rpc_grpc_status=\"OK\""], v => v >= 1) >= 1);
        Assert.True(await MetricWhenAsync(["interop_duplicate_checks_total{", "interop_check=\"registration\"", "interop_outcome=\"none\""], v => v >= 1) >= 1);
    }

    [Fact]
    public async Task OldestTransaction_ShowsAWriteTransactionHoldingTheFeedBack()
    {
        await using var connection = new NpgsqlConnection(hub.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand("SELECT pg_current_xact_id()", connection, transaction))
        {
            await command.ExecuteScalarAsync();
        }

        Assert.True(await MetricWhenAsync(["interop_db_oldest_transaction_age_seconds{", $"interop_database=\"{connection.Database}\""], value => value >= 1) >= 1);

        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task MetricsPort_ServesNothingButTheScrape()
    {
        using var response = await http.GetAsync(new Uri(hub.MetricsAddress!, "/v1/applications"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    // The read models follow the feed in the hub's background: generous for a loaded machine.
    private static async Task WhenAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{failure} within 60 s");
            await Task.Delay(50);
        }
    }

    /// <summary>The value of a series now, or 0 when it has no sample yet (a histogram nothing recorded in).</summary>
    private async Task<double> MetricOrZeroAsync(string part)
    {
        var text = await http.GetStringAsync(new Uri(hub.MetricsAddress!, "/metrics"));
        var line = text.Split('\n').FirstOrDefault(l => !l.StartsWith('#') && l.Contains(part, StringComparison.Ordinal));
        return line is null ? 0 : ValueOf(line);
    }

    private static double ValueOf(string line)
    {
        // "name{labels} value [timestamp]" or "name value [timestamp]"
        var afterName = line.Contains('}', StringComparison.Ordinal) ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ', StringComparison.Ordinal)..];
        return double.Parse(afterName.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The value of the first series whose line holds every part, once it meets the condition
    /// (gauges are read at each scrape, and the exporter may answer from its short cache).
    /// </summary>
    private async Task<double> MetricWhenAsync(string[] parts, Func<double, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        string text;
        do
        {
            text = await http.GetStringAsync(new Uri(hub.MetricsAddress!, "/metrics"));
            var line = text.Split('\n').FirstOrDefault(l => !l.StartsWith('#') && parts.All(p => l.Contains(p, StringComparison.Ordinal)));
            if (line is not null)
            {
                var value = ValueOf(line);
                if (condition(value))
                {
                    return value;
                }
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        throw new Xunit.Sdk.XunitException($"No series with {string.Join(", ", parts)} met the condition in 20 s. Last scrape:\n{text}");
    }
}
