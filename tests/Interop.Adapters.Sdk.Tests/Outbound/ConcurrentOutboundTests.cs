using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>Registrations pushed four at a time against a real hub: each household once, a later update after its registration, the marker at the end.</summary>
public sealed class ConcurrentOutboundTests(AdapterHub hub) : IClassFixture<AdapterHub>
{
    [Fact]
    public async Task TwentyFourRegistrationsAndAnUpdate_PushedFourAtATime_AreEachOnTheHubOnce_AndTheUpdateLandsAfterItsRegistration()
    {
        var landlord = await hub.JoinLandlordAsync("concurrent");
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        var households = Enumerable.Range(0, 24).Select(_ => SomeoneElse()).ToList();
        for (var i = 0; i < households.Count; i++)
        {
            erp.Register("r" + i, households[i], new ErpCode("current_housing", "LOCPRIV"), new ErpCode("reason_codes", "DIVORCE"));
        }

        erp.Update("r0", households[0], ["current_housing"], new ErpCode("current_housing", "HOTEL"));
        const string lastMarker = "25";

        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.OutboundConcurrency = 4);
        await Eventually.TrueAsync(async () => await state.GetOutboundMarkerAsync(CancellationToken.None) == lastMarker, "the marker at the ERP's last change");

        foreach (var household in households)
        {
            Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, household.Applicant.LastName));
        }

        using var reader = new InteropClient(hub.Hub.Address, landlord.ApiKey);
        var first = (await state.FindByErpRecordAsync("r0", CancellationToken.None))!;
        var updated = await reader.Registry.GetApplicationAsync(new GetApplicationRequest { Name = "applications/" + first.Number });
        Assert.Equal((2L, HousingSituation.Hotel), (updated.Revision, updated.CurrentHousing));
        Assert.Equal(25, adapter.Metrics.Pushed);
        Assert.Empty(await adapter.DeadLetters.ListAsync());
    }

    /// <summary>A household unlike every other of the test (names, birth date, contacts), in the ERP's codes.</summary>
    private static Application SomeoneElse()
    {
        var application = TestApplications.Valid();
        application.CurrentHousing = HousingSituation.Unspecified;
        application.ReasonCodes.Clear();
        return application;
    }
}
