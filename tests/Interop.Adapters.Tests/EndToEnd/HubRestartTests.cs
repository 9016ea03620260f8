using System.Diagnostics;
using Grpc.Net.Client;
using Interop.Adapters.Sdk.State;
using Interop.Client;
using Interop.Testing;
using Xunit.Abstractions;

namespace Interop.Adapters.Tests.EndToEnd;

/// <summary>The hub killed in the middle of two landlords' traffic, then started again on the same database and port 30 s later.</summary>
public sealed class HubRestartTests(ITestOutputHelper output)
{
    /// <summary>How long the hub stays down: the 30 s, longer than every backoff of the client's unary retries.</summary>
    private static readonly TimeSpan Downtime = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task HubKilledMidTraffic_ThenRestarted30sLater_AdaptersCatchUpWithinSeconds_NothingLostNorDoubled()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("adapters-restart");
        var hub = await ExternalHubProcess.StartAsync(connectionString);
        var port = hub.Address.Port;
        Landlord landlord1, landlord2;
        using (var channel = GrpcChannel.ForAddress(hub.Address))
        {
            (landlord1, landlord2) = (await LandlordsHub.JoinAsync(channel, "traffic"), await LandlordsHub.JoinAsync(channel, "follower"));
        }

        var state1 = new InMemoryAdapterStateStore();
        // Landlord 1 types, updates, renews and radiates at 50 actions a second; landlord 2 only follows.
        await using var one = await Running.SimulatorAsync(hub.Address, landlord1, seed: 41, s => s with { Rate = 50, Steps = 400, SharedHouseholds = 0 }, state: state1);
        await using var two = await Running.SimulatorAsync(hub.Address, landlord2, seed: 42);

        await Eventually.TrueAsync(() => one.Metrics.Pushed >= 20, "traffic flowing before the hub goes down");
        hub.Kill();
        await hub.DisposeAsync();
        var typedWhileDown = one.Erp.Counts.GetValueOrDefault("registered");
        // The outage itself is the condition under test (a real hub away for 30 s), not a wait for background work.
        await Task.Delay(Downtime);
        Assert.True(one.Erp.Counts.GetValueOrDefault("registered") > typedWhileDown, "the ERP kept working while the hub was down");
        var backlog = await one.Erp.ReadChangesAsync(null, int.MaxValue, default);
        var (pushedBefore, appliedBefore) = (one.Metrics.Pushed, two.Metrics.Applied);
        await using var restarted = await ExternalHubProcess.StartAsync(connectionString, port: port);
        // Counted from the moment the restarted hub answers (its cold start on a loaded machine is not the adapters' doing).
        var starting = Stopwatch.StartNew();
        using (var prober = new InteropClient(restarted.Address, landlord2.ApiKey))
        {
            await Eventually.TrueAsync(() => AnswersAsync(prober), "the restarted hub answering", timeoutSeconds: 60);
        }

        var serving = starting.Elapsed;
        var back = Stopwatch.StartNew();

        // Both adapters reconnect on their own short backoffs (unary calls retried by the loop, the channel's
        // reconnection capped at InteropClientOptions.ReconnectMaxBackoff, the feed's at
        // AdapterOptions.FeedReconnectMaxDelay), not after a long one grown during the 30 s outage: the first
        // push after the restart, and the first change the follower applies, come within seconds. Then the
        // backlog typed until the restart is pushed and its registrations reach landlord 2's ERP; how long that
        // takes is the hub's throughput on this machine, printed, bounded by the wait.
        var firstPush = TimeSpan.Zero;
        var firstApplied = TimeSpan.Zero;
        var pushed = TimeSpan.Zero;
        await Eventually.TrueAsync(
            async () =>
            {
                firstPush = firstPush == TimeSpan.Zero && one.Metrics.Pushed > pushedBefore ? back.Elapsed : firstPush;
                firstApplied = firstApplied == TimeSpan.Zero && two.Metrics.Applied > appliedBefore ? back.Elapsed : firstApplied;
                pushed = pushed == TimeSpan.Zero && await PushedAsync(state1, backlog.Count) ? back.Elapsed : pushed;
                return pushed > TimeSpan.Zero && firstApplied > TimeSpan.Zero && await FollowedAsync(state1, two, backlog);
            },
            "the changes typed while the hub was down pushed and followed after the restart",
            timeoutSeconds: 120);
        var caughtUp = back.Elapsed;
        output.WriteLine(
            $"hub down {Downtime.TotalSeconds:F0} s; restarted hub answering {serving.TotalSeconds:F1} s after its process listened; from then: first push {firstPush.TotalSeconds:F1} s, first change applied by the follower {firstApplied.TotalSeconds:F1} s; " +
            $"backlog of {backlog.Count} ERP changes pushed {pushed.TotalSeconds:F1} s and followed {caughtUp.TotalSeconds:F1} s after the restart");
        Assert.True(firstPush < TimeSpan.FromSeconds(20), $"landlord 1 pushed again {firstPush.TotalSeconds:F1} s after the hub answered again, not within 20 s");
        Assert.True(firstApplied < TimeSpan.FromSeconds(20), $"landlord 2 applied a change again {firstApplied.TotalSeconds:F1} s after the hub answered again, not within 20 s");

        // Caught up: landlord 1's traffic is over (under load its 400 steps can outlast the restart, and a
        // change typed after the check would be counted but not yet pushed), it pushed its whole journal,
        // and landlord 2 holds every application at its current revision.
        await one.TrafficOverAsync(400);
        await Eventually.TrueAsync(
            async () => await state1.GetOutboundMarkerAsync(default) == (await one.Erp.ReadChangesAsync(null, int.MaxValue, default)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && await CaughtUpAsync(connectionString, two),
            "both landlords caught up after the restart",
            timeoutSeconds: 90);

        var probe = new DatabaseProbe(connectionString);
        var registrations = (await one.Erp.ReadChangesAsync(null, int.MaxValue, default)).Count(c => c.Kind == Sdk.Outbound.ErpChangeKind.Register);
        var applications = (await probe.QueryAsync<long>("select count(*) from applications"))[0];
        Assert.Equal(registrations, applications);
        Assert.Equal(registrations, one.Erp.Dossiers.Count(d => d.Origine == "LOCAL"));
        foreach (var dossier in one.Erp.Dossiers)
        {
            Assert.NotNull(await state1.FindByErpRecordAsync(dossier.Reference, default));
        }

        Assert.Empty(await state1.ListDeadLettersAsync(default));
        Assert.Empty(await two.State.ListDeadLettersAsync(default));
        // Each write in landlord 2's ERP moved a dossier to a newer revision: none was written twice.
        var revisions = (await probe.QueryAsync<(string Number, long Revision)>("select number, revision from applications")).ToDictionary(r => r.Number, r => r.Revision);
        Assert.All(two.Erp.WritesByNumber, w => Assert.True(w.Value <= revisions[w.Key], $"{w.Key}: {w.Value} writes for revision {revisions[w.Key]}"));
    }

    private static async Task<bool> AnswersAsync(InteropClient client)
    {
        try
        {
            await client.Registry.ListApplicationsAsync(new Contracts.V1.ListApplicationsRequest { PageSize = 1 });
            return true;
        }
        catch (Grpc.Core.RpcException)
        {
            return false;
        }
    }

    private static async Task<bool> PushedAsync(InMemoryAdapterStateStore state, int journalLength) =>
        await state.GetOutboundMarkerAsync(default) is { } marker && long.Parse(marker, System.Globalization.CultureInfo.InvariantCulture) >= journalLength;

    /// <summary>Every household registered in <paramref name="backlog"/> is held by the follower's ERP.</summary>
    private static async Task<bool> FollowedAsync(InMemoryAdapterStateStore state, Running follower, IReadOnlyList<Sdk.Outbound.ErpChange> backlog)
    {
        foreach (var registration in backlog.Where(c => c.Kind == Sdk.Outbound.ErpChangeKind.Register))
        {
            if (await state.FindByErpRecordAsync(registration.ErpRecordId, default) is not { } link || follower.Erp.FindByNumber(link.Number).Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    private static async Task<bool> CaughtUpAsync(string connectionString, Running follower)
    {
        var hubSide = await new DatabaseProbe(connectionString).QueryAsync<(string Number, long Revision)>("select number, revision from applications");
        return hubSide.Count > 0 && hubSide.All(a => follower.Erp.FindByNumber(a.Number) is [{ } dossier] && dossier.Revision == a.Revision);
    }
}
