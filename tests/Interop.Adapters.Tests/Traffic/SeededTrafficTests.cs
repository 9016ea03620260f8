using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Simulator.Erp;
using Interop.Adapters.Simulator.Hosting;
using Interop.Adapters.Simulator.Traffic;
using Interop.Testing;

namespace Interop.Adapters.Tests.Traffic;

/// <summary>Two simulated landlords running their seeded traffic against one hub.</summary>
public sealed class SeededTrafficTests(LandlordsHub hub) : IClassFixture<LandlordsHub>
{
    [Fact]
    public async Task TwoLandlordsTypingSharedHouseholds_TheHubRegistersEachHouseholdOnce_AndTheSecondLandlordIsLinked()
    {
        var (landlord1, landlord2) = (await hub.JoinAsync("traffic-a"), await hub.JoinAsync("traffic-b"));
        // No leases, to keep such refusals rare: a shared household attributed or radiated by one landlord
        // while the other's update of it waits in its journal is a rightful refusal (a dead letter).
        Func<SimulatorSettings, SimulatorSettings> traffic = s => s with { Rate = 60, Steps = 90, SharedHouseholds = 4, Leases = false };
        await using var one = await Running.SimulatorAsync(hub.Hub.Address, landlord1, seed: 61, traffic);
        await using var two = await Running.SimulatorAsync(hub.Hub.Address, landlord2, seed: 62, traffic);

        // Both desks done typing first: a change typed after the pushed-all check would be counted below but not pushed yet.
        await one.TrafficOverAsync(90);
        await two.TrafficOverAsync(90);
        await Eventually.TrueAsync(async () => await PushedAllAsync(one) && await PushedAllAsync(two), "both journals pushed", timeoutSeconds: 60);
        Assert.True(one.Erp.Counts.GetValueOrDefault(FlowKinds.Registered) + two.Erp.Counts.GetValueOrDefault(FlowKinds.Registered) > 40, "the desks registered households");

        var registrations = (await RegistrationsAsync(one)) + (await RegistrationsAsync(two));
        var applications = (await new DatabaseProbe(hub.Hub.ConnectionString).QueryAsync<long>(
            "select count(*) from applications where registering_desk in (@a, @b)", new { a = landlord1.Desk, b = landlord2.Desk }))[0];
        Assert.True(one.Metrics.Linked + two.Metrics.Linked >= 1, "a shared household typed at both landlords was linked");
        Assert.Equal(registrations - one.Metrics.Linked - two.Metrics.Linked, applications);
        // The only dead letters allowed are those rightful refusals: an update of an application the other
        // landlord radiated in the meantime (the hub's answer is the life cycle's, not a fault of the adapter).
        var deadLetters = (await one.State.ListDeadLettersAsync(default)).Concat(await two.State.ListDeadLettersAsync(default)).ToList();
        Assert.All(deadLetters, d =>
        {
            Assert.Equal(Sdk.State.DeadLetterDirection.Outbound, d.Direction);
            Assert.StartsWith("ILLEGAL_TRANSITION: Only an active application can be updated", d.Reason, StringComparison.Ordinal);
            Assert.Contains(" is radiated ", d.Reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public void SameSeed_SameHouseholds_AndTheSharedOnesAreTheSameAtEveryLandlord()
    {
        var pool = new HouseholdPool(sharedCount: 3);
        Assert.Equal(pool.Household(pool.OwnIndex(7, 0)), pool.Household(pool.OwnIndex(7, 0)));
        Assert.NotEqual(pool.Household(pool.OwnIndex(7, 0)).Courriel, pool.Household(pool.OwnIndex(8, 0)).Courriel);
        Assert.Equal(pool.Household(2), new HouseholdPool(sharedCount: 3).Household(2));
    }

    private static async Task<bool> PushedAllAsync(Running landlord) =>
        await landlord.State.GetOutboundMarkerAsync(default) is { } marker
        && marker == (await landlord.Erp.ReadChangesAsync(null, int.MaxValue, default)).Count.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> RegistrationsAsync(Running landlord) =>
        (await landlord.Erp.ReadChangesAsync(null, int.MaxValue, default)).Count(c => c.Kind == ErpChangeKind.Register);
}
