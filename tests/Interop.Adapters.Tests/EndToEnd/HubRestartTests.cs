using Grpc.Net.Client;
using Interop.Adapters.Sdk.State;
using Interop.Testing;

namespace Interop.Adapters.Tests.EndToEnd;

/// <summary>The hub killed in the middle of two landlords' traffic, then started again on the same database and port.</summary>
public sealed class HubRestartTests
{
    [Fact]
    public async Task HubKilledMidTraffic_ThenRestarted_AdaptersCatchUp_NothingLostNorDoubled()
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
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.True(one.Erp.Counts.GetValueOrDefault("registered") > typedWhileDown, "the ERP kept working while the hub was down");
        await using var restarted = await ExternalHubProcess.StartAsync(connectionString, port: port);

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

    private static async Task<bool> CaughtUpAsync(string connectionString, Running follower)
    {
        var hubSide = await new DatabaseProbe(connectionString).QueryAsync<(string Number, long Revision)>("select number, revision from applications");
        return hubSide.Count > 0 && hubSide.All(a => follower.Erp.FindByNumber(a.Number) is [{ } dossier] && dossier.Revision == a.Revision);
    }
}
