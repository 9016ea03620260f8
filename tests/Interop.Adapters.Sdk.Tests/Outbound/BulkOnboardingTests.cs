using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>
/// A landlord's stock loaded through the bulk-onboarding stream against a real hub: every record once,
/// households already on file linked, an unmapped code dead-lettered, and records a crash left pushed
/// without their links answered again with the same numbers.
/// </summary>
public sealed class BulkOnboardingTests(AdapterHub hub) : IClassFixture<AdapterHub>
{
    private static readonly ErpCode[] Codes = [new("current_housing", "LOCPRIV"), new("reason_codes", "DIVORCE")];

    [Fact]
    public async Task AStockOfFortyRecords_GoesInBulk_EachOnce_KnownHouseholdsLinked_AndAnUnmappedCodeDeadLettered()
    {
        var landlord = await hub.JoinLandlordAsync("bulk");
        var other = await hub.JoinLandlordAsync("bulk-other");
        using var otherClient = new InteropClient(hub.Hub.Address, other.ApiKey);
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        var households = Enumerable.Range(0, 40).Select(_ => SomeoneElse()).ToList();

        // Two households already registered by another landlord: the stock brings them again.
        var existing = new List<string>();
        foreach (var known in households.Take(2))
        {
            var registered = known.Clone();
            registered.CurrentHousing = HousingSituation.PrivateTenant;
            registered.ReasonCodes.Add("09");
            existing.Add((await otherClient.Registry.CreateApplicationAsync(new CreateApplicationRequest { RequestId = Guid.NewGuid().ToString(), RegisteringDesk = other.Desk, Application = registered })).Application.Number);
        }

        for (var i = 0; i < households.Count; i++)
        {
            erp.Register("r" + i, households[i], i == 39 ? [new ErpCode("current_housing", "CARAVANE"), Codes[1]] : Codes);
        }

        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.BulkThreshold = 20);
        await Eventually.TrueAsync(async () => await state.GetOutboundMarkerAsync(CancellationToken.None) == "40", "the marker at the stock's last record");

        for (var i = 0; i < 39; i++)
        {
            Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, households[i].Applicant.LastName));
            Assert.NotNull(await state.FindByErpRecordAsync("r" + i, CancellationToken.None));
        }

        Assert.Equal(existing, [(await state.FindByErpRecordAsync("r0", default))!.Number, (await state.FindByErpRecordAsync("r1", default))!.Number]);
        Assert.Equal(2, adapter.Metrics.Linked);
        var deadLetter = Assert.Single(await adapter.DeadLetters.ListAsync());
        Assert.Equal("r39", deadLetter.ErpRecordId);
        Assert.Contains("CARAVANE", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await HubView.ApplicationsOfAsync(hub, households[39].Applicant.LastName));
    }

    [Fact]
    public async Task RecordsPushedBeforeACrashWithoutTheirLinks_AreAnsweredAgainWithTheSameNumbers_NeverRegisteredTwice()
    {
        var landlord = await hub.JoinLandlordAsync("bulk-crash");
        using var client = new InteropClient(hub.Hub.Address, landlord.ApiKey);
        var erp = new InMemoryErp();
        var households = Enumerable.Range(0, 25).Select(_ => SomeoneElse()).ToList();
        var changeIds = households.Select((h, i) => erp.Register("r" + i, h, Codes)).ToList();

        // A first run pushed five of them one by one, then died before storing links or marker.
        var firstNumbers = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var pushed = households[i].Clone();
            pushed.CurrentHousing = HousingSituation.PrivateTenant;
            pushed.ReasonCodes.Add("09");
            firstNumbers.Add((await client.Registry.CreateApplicationAsync(new CreateApplicationRequest
            {
                RequestId = RequestIds.For(landlord.OrganizationId, changeIds[i]), RegisteringDesk = landlord.Desk, Application = pushed,
            })).Application.Number);
        }

        var state = new InMemoryAdapterStateStore();
        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.BulkThreshold = 20);
        await Eventually.TrueAsync(async () => await state.GetOutboundMarkerAsync(CancellationToken.None) == "25", "the marker at the last record");

        foreach (var household in households)
        {
            Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, household.Applicant.LastName));
        }

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(firstNumbers[i], (await state.FindByErpRecordAsync("r" + i, CancellationToken.None))!.Number);
        }

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
