using System.Diagnostics.Metrics;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>The outbound path against a real hub: code mapping, derived request ids, duplicates, stale revisions, unknown codes.</summary>
public sealed class OutboundTests(AdapterHub hub) : IClassFixture<AdapterHub>
{
    [Fact]
    public async Task HouseholdRegisteredInErp1_IsPushedWithMappedCodes_AndAppearsInErp2ThroughTheSink()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("erp1"), await hub.JoinLandlordAsync("erp2"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var state1 = new InMemoryAdapterStateStore();
        var measured = new System.Collections.Concurrent.ConcurrentDictionary<(string Instrument, string? Organization), long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == AdapterMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var organization = tags.ToArray().FirstOrDefault(t => t.Key == "organization").Value as string;
            measured.AddOrUpdate((instrument.Name, organization), value, (_, sum) => sum + value);
        });
        listener.Start();
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, state1);
        await using var adapter2 = await AdapterProcess.StartAsync(hub, landlord2, erp2, new InMemoryAdapterStateStore());
        var name = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(name);

        erp1.Register("r1", household, codes);

        var link = await HubView.LinkedAsync(state1, "r1");
        await Eventually.TrueAsync(() => erp2.Records.ContainsKey(link.Number), "the household applied in ERP 2");
        var received = erp2.Records[link.Number];
        Assert.Equal(name, received.Applicant.LastName);
        Assert.Equal(HousingSituation.PrivateTenant, received.CurrentHousing);
        Assert.Equal(["09"], received.ReasonCodes);
        Assert.Equal(1, erp2.AppliedCountOf(name));
        Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, name));
        Assert.Equal(1, adapter1.Metrics.Pushed);
        Assert.Equal(1, measured.GetValueOrDefault(("interop.adapter.pushed", landlord1.OrganizationId)));
        Assert.True(measured.GetValueOrDefault(("interop.adapter.applied", landlord2.OrganizationId)) >= 1);
        // Its own change does not come back to ERP 1 through the feed.
        Assert.Equal(0, erp1.AppliedCountOf(name));
    }

    [Fact]
    public async Task CrashBetweenHubCommitAndMarker_RestartSendsTheSameRequestId_AndRegistersOnce()
    {
        var landlord = await hub.JoinLandlordAsync("crash");
        var erp = new InMemoryErp();
        var name = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(name);
        var changeId = erp.Register("r1", household, codes);
        var beforeCrash = new InMemoryAdapterStateStore();
        await using (await AdapterProcess.StartAsync(hub, landlord, erp, beforeCrash, o => o.Inbound = false))
        {
            await HubView.LinkedAsync(beforeCrash, "r1");
        }

        // Worst case of a crash after the hub's commit: neither the marker nor the link survived.
        var afterCrash = new InMemoryAdapterStateStore();
        await using var restarted = await AdapterProcess.StartAsync(hub, landlord, erp, afterCrash, o => o.Inbound = false);

        var relinked = await HubView.LinkedAsync(afterCrash, "r1");
        Assert.Equal((await beforeCrash.FindByErpRecordAsync("r1", default))!.Number, relinked.Number);
        Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, name));
        // The hub answered the replayed request id with its first answer, not with a duplicate refusal.
        Assert.Equal(1, restarted.Metrics.Pushed);
        Assert.Equal(0, restarted.Metrics.Linked);
        var registration = Assert.Single(await new DatabaseProbe(hub.Hub.ConnectionString).ChangesAsync(relinked.Number));
        Assert.Equal(RequestIds.For(landlord.OrganizationId, changeId), registration.RequestId);
        Assert.Empty(await restarted.DeadLetters.ListAsync());
        await Eventually.TrueAsync(async () => await afterCrash.GetOutboundMarkerAsync(default) == "1", "the marker stored after the replayed push");
    }

    [Fact]
    public async Task SameHouseholdTypedInErp2_IsLinkedToTheExistingNumber_NotRegisteredTwice()
    {
        var (landlord1, landlord2) = (await hub.JoinLandlordAsync("first"), await hub.JoinLandlordAsync("second"));
        var (erp1, erp2) = (new InMemoryErp(), new InMemoryErp());
        var (state1, state2) = (new InMemoryAdapterStateStore(), new InMemoryAdapterStateStore());
        await using var adapter1 = await AdapterProcess.StartAsync(hub, landlord1, erp1, state1, o => o.Inbound = false);
        await using var adapter2 = await AdapterProcess.StartAsync(hub, landlord2, erp2, state2, o => o.Inbound = false);
        var name = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(name);
        erp1.Register("erp1-record", household, codes);
        var existing = await HubView.LinkedAsync(state1, "erp1-record");

        var (typedAgain, sameCodes) = HubView.ErpHousehold(name);
        erp2.Register("erp2-record", typedAgain, sameCodes);

        var linked = await HubView.LinkedAsync(state2, "erp2-record");
        Assert.Equal(existing.Number, linked.Number);
        Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, name));
        Assert.Equal(1, adapter2.Metrics.Linked);
        Assert.Empty(await adapter2.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task StaleRevision_IsReReadAndTheErpChangeReappliedOnTheCurrentRevision()
    {
        var landlord = await hub.JoinLandlordAsync("stale");
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.Inbound = false);
        var name = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(name);
        erp.Register("r1", household, codes);
        var link = await HubView.LinkedAsync(state, "r1");
        Assert.Equal(1, link.Revision);

        // Another desk of the landlord changes the income on the hub meanwhile: revision 2.
        using var desk = new InteropClient(hub.Hub.Address, await HubAccess.IssueKeyAsync(hub.Hub.Channel, landlord.OrganizationId));
        await HubView.ChangeIncomeAsync(desk, link.Number);

        var (moved, _) = HubView.ErpHousehold(name);
        erp.Update("r1", moved, ["current_housing"], new ErpCode("current_housing", "HOTEL"));

        await Eventually.TrueAsync(async () => await HubView.RevisionAsync(desk, link.Number) == 3, "the ERP change applied as revision 3");
        var after = await desk.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + link.Number });
        Assert.Equal(3, after.Revision);
        // The ERP has not seen revision 2 yet: the link stays where the ERP is.
        Assert.Equal(1, (await state.FindByErpRecordAsync("r1", default))!.Revision);
        Assert.Equal(HousingSituation.Hotel, after.CurrentHousing);
        Assert.Equal(1234, after.Resources.MonthlyIncomeEur);
        Assert.True(adapter.Metrics.Retried >= 1);
        Assert.Empty(await adapter.DeadLetters.ListAsync());
    }

    [Fact]
    public async Task StaleRevision_WrittenByAnotherLandlord_StillReachesTheErpThroughTheFeedAfterThePush()
    {
        var landlord = await hub.JoinLandlordAsync("stale-a");
        var other = await hub.JoinLandlordAsync("stale-b");
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        var name = TestApplications.UniqueName();
        string number;
        await using (var outbound = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.Inbound = false))
        {
            var (household, codes) = HubView.ErpHousehold(name);
            erp.Register("r1", household, codes);
            number = (await HubView.LinkedAsync(state, "r1")).Number;

            // The other landlord changes the income (revision 2) before this landlord's ERP change is pushed.
            using var otherClient = new InteropClient(hub.Hub.Address, other.ApiKey);
            await HubView.ChangeIncomeAsync(otherClient, number);
            var (moved, _) = HubView.ErpHousehold(name);
            erp.Update("r1", moved, ["current_housing"], new ErpCode("current_housing", "HOTEL"));
            await Eventually.TrueAsync(async () => await HubView.RevisionAsync(otherClient, number) == 3, "the ERP change re-applied as revision 3");
        }

        // The feed then brings the other landlord's revision 2: it was never applied to this ERP, so it is not skipped.
        await using var inbound = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.Outbound = false);
        await Eventually.TrueAsync(
            () => erp.Applied.Any(c => c.Application == "applications/" + number && c.Revision == 2),
            "the other landlord's change applied to the ERP");
    }

    [Fact]
    public async Task UnknownErpCode_IsDeadLetteredNamingTableAndValue_TheNextChangeStillGoes_AndReplayAfterTheMappingIsAddedPushesIt()
    {
        var landlord = await hub.JoinLandlordAsync("codes");
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        var (unmapped, _) = HubView.ErpHousehold(TestApplications.UniqueName());
        var badChange = erp.Register("r-bad", unmapped, new ErpCode("current_housing", "CARAVANE"), new ErpCode("reason_codes", "DIVORCE"));
        var next = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(next);
        erp.Register("r-next", household, codes);

        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.Inbound = false);

        await HubView.LinkedAsync(state, "r-next");
        var deadLetter = Assert.Single(await adapter.DeadLetters.ListAsync());
        Assert.Equal(DeadLetterDirection.Outbound, deadLetter.Direction);
        Assert.Equal(badChange, deadLetter.ChangeId);
        Assert.Equal("r-bad", deadLetter.ErpRecordId);
        Assert.Contains("'current_housing'", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Contains("'CARAVANE'", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Null(await state.FindByErpRecordAsync("r-bad", default));
        Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, next));
        Assert.Equal(1, adapter.Metrics.DeadLettered);

        adapter.Configuration["Adapter:Mappings:current_housing:CARAVANE"] = "HOUSING_SITUATION_CAMPING_CARAVAN";
        Assert.True(await adapter.DeadLetters.ReplayAsync(deadLetter.Id));

        var replayed = await HubView.LinkedAsync(state, "r-bad");
        using var reader = new InteropClient(hub.Hub.Address, landlord.ApiKey);
        var pushed = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + replayed.Number });
        Assert.Equal(HousingSituation.CampingCaravan, pushed.CurrentHousing);
        Assert.Empty(await adapter.DeadLetters.ListAsync());
    }
}
