using System.Diagnostics;
using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Replicas;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Interop.Hub.Tests.Access;

/// <summary>
/// A replica joining or leaving changes each replica's share of an organisation's budget, and
/// gives no caller at its limit a fresh burst. The other replica is a row of <c>hub_replicas</c>,
/// as a live replica's heartbeat keeps it.
/// </summary>
public sealed class ReplicaCountRateLimitTests : IAsyncLifetime
{
    // One call per second across the hub, and a burst large enough that a fresh one (half
    // or all of it) cannot be mistaken for what the rate refills while the test runs.
    private const int PerSecond = 1;
    private const int Burst = 200;
    private const int Attempts = 120;

    private HubHost hub = null!;

    public async Task InitializeAsync() => hub = await HubHost.StartAsync("replicashare", settings: new Dictionary<string, string>
    {
        ["Interop:RateLimitPerSecond"] = PerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Interop:RateLimitBurst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task ACallerAtItsLimit_GetsNoFreshBurst_WhenAReplicaJoinsOrLeaves()
    {
        var probe = new DatabaseProbe(hub.ConnectionString);
        var first = new RegistryService.RegistryServiceClient(hub.Calls);
        var second = new RegistryService.RegistryServiceClient(
            await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("second", OrganizationKind.StateService, departements: ["14"])));

        // Alone, the hub holds the whole burst for the first caller.
        var (accepted, sinceLimit) = await CallUntilRefusedAsync(first);
        Assert.True(accepted >= Burst / 2, $"only {accepted} calls before the limit, not the burst of {Burst}");

        // A second replica: seen in the future, so it stays alive however long the test takes.
        await probe.QueryAsync<int>("INSERT INTO hub_replicas (instance_id, seen_at) VALUES ('joined', now() + interval '1 hour') RETURNING 1");
        await WhenReplicasAsync(2);
        var afterJoin = await CallAsync(first, Attempts);
        Assert.True(
            afterJoin <= Refilled(sinceLimit),
            $"{afterJoin} calls accepted after the join, {sinceLimit.Elapsed.TotalSeconds:F1} s after the caller was at its limit: a fresh burst (half of {Burst})");

        // The second caller reaches its limit on the shared budget (half the burst), then the replica leaves.
        (accepted, sinceLimit) = await CallUntilRefusedAsync(second);
        Assert.True(accepted >= Burst / 4, $"only {accepted} calls before the limit, not half the burst of {Burst}");
        await probe.QueryAsync<int>("DELETE FROM hub_replicas WHERE instance_id = 'joined' RETURNING 1");
        await WhenReplicasAsync(1);
        var afterLeave = await CallAsync(second, Attempts);
        Assert.True(
            afterLeave <= Refilled(sinceLimit),
            $"{afterLeave} calls accepted after the leave, {sinceLimit.Elapsed.TotalSeconds:F1} s after the caller was at its limit: a fresh burst (all of {Burst})");
    }

    // At most what the rate refilled since the caller was at its limit (under one token then), at
    // the whole budget's rate, the highest any share had meanwhile.
    private static int Refilled(Stopwatch sinceLimit) => 1 + (int)(sinceLimit.Elapsed.TotalSeconds * PerSecond);

    private static async Task<(int Accepted, Stopwatch SinceLimit)> CallUntilRefusedAsync(RegistryService.RegistryServiceClient registry)
    {
        var accepted = 0;
        var sinceCall = new Stopwatch();
        while (true)
        {
            // Restarted before each call: the refused call's bucket was at its limit after this instant.
            sinceCall.Restart();
            if (!await TryCallAsync(registry))
            {
                return (accepted, sinceCall);
            }

            accepted++;
            Assert.True(accepted <= Burst * 2, "the caller never reached its limit");
        }
    }

    private static async Task<int> CallAsync(RegistryService.RegistryServiceClient registry, int attempts)
    {
        var accepted = 0;
        for (var i = 0; i < attempts; i++)
        {
            accepted += await TryCallAsync(registry) ? 1 : 0;
        }

        return accepted;
    }

    private static async Task<bool> TryCallAsync(RegistryService.RegistryServiceClient registry)
    {
        try
        {
            await registry.ListApplicationsAsync(new ListApplicationsRequest { PageSize = 1 });
            return true;
        }
        catch (RpcException refusal) when (refusal.StatusCode == StatusCode.ResourceExhausted)
        {
            return false;
        }
    }

    // The heartbeat counts the rows every few seconds; generous for a loaded machine.
    private async Task WhenReplicasAsync(int count)
    {
        var heartbeat = hub.Services.GetRequiredService<ReplicaHeartbeat>();
        var deadline = Stopwatch.StartNew();
        while (heartbeat.LiveReplicas != count)
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), $"the hub still counts {heartbeat.LiveReplicas} replicas, not {count}");
            await Task.Delay(100);
        }
    }
}
