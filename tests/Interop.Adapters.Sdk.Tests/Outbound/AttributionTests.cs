using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Sdk.State;
using Interop.Adapters.Sdk.Tests.Erp;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;

namespace Interop.Adapters.Sdk.Tests.Outbound;

/// <summary>An attribution decided in the ERP, pushed by the SDK through the hub's attribution path, against a real hub.</summary>
public sealed class AttributionTests(AdapterHub hub) : IClassFixture<AdapterHub>
{
    /// <summary>A lease of dwelling <paramref name="dwelling"/> in Caen, in the test ERP's own codes.</summary>
    private static ErpAttribution Lease(string dwelling) => new()
    {
        DwellingId = dwelling,
        CommuneCode = "14118",
        TypologyCode = "F3",
        ReservationHolderCode = "MAIRIE",
        CollectiveAgreementCode = "SANS",
        Dalo = true,
    };

    [Fact]
    public async Task LeaseTypedInErpA_IsPushedStepByStepWithMappedCodes_AndRadiatesTheHouseholdAtErpB()
    {
        var (landlordA, landlordB) = (await hub.JoinLandlordAsync("lease-a"), await hub.JoinLandlordAsync("lease-b"));
        var (erpA, erpB) = (new InMemoryErp(), new InMemoryErp());
        var stateA = new InMemoryAdapterStateStore();
        await using var adapterA = await AdapterProcess.StartAsync(hub, landlordA, erpA, stateA);
        await using var adapterB = await AdapterProcess.StartAsync(hub, landlordB, erpB, new InMemoryAdapterStateStore());
        var (household, codes) = HubView.ErpHousehold(TestApplications.UniqueName());
        erpA.Register("r1", household, codes);
        var number = (await HubView.LinkedAsync(stateA, "r1")).Number;
        await Eventually.TrueAsync(() => erpB.Records.ContainsKey(number), "the household in ERP B");

        erpA.Attribute("r1", Lease("LGT0001"));

        await Eventually.TrueAsync(
            () => erpB.Records[number] is { Status: ApplicationStatus.Radiated, Radiation.Reason: RadiationReason.Attribution },
            "the household radiated for attribution in ERP B");
        using var reader = new InteropClient(hub.Hub.Address, landlordA.ApiKey);
        var proposal = Assert.Single((await reader.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        Assert.Equal(ProposalState.LeaseSigned, proposal.State);
        Assert.Equal(("LGT0001", "14118", Typology.T3, ReservationHolder.LocalAuthority), (proposal.DwellingId, proposal.CommuneCode, proposal.Typology, proposal.ReservationHolder));
        Assert.Equal((CollectiveAgreement.None, ReservationHolder.LocalAuthority, true), (proposal.Lease.CollectiveAgreement, proposal.Lease.ReservationHolder, proposal.Lease.Dalo));
        // Dated with the hub's day (the ERP left the dates open), not the test machine's.
        Assert.Equal(proposal.CreateTime.ToDateTime().Day, proposal.Lease.LeaseDate.Day);
        Assert.Empty(await adapterA.DeadLetters.ListAsync());
        Assert.Equal(2, adapterA.Metrics.Pushed);
        // The link follows the landlord's own steps: the feed does not send them back to ERP A.
        Assert.Equal(proposal.ApplicationRevision, (await stateA.FindByErpRecordAsync("r1", default))!.Revision);
        Assert.Equal(1, await HubView.ApplicationsOfAsync(hub, household.Applicant.LastName));
    }

    [Fact]
    public async Task CrashAfterTheLeaseWasPushed_TheRestartPushesItAgain_AndAttributesNothingTwice()
    {
        var landlord = await hub.JoinLandlordAsync("lease-crash");
        var erp = new InMemoryErp();
        var (household, codes) = HubView.ErpHousehold(TestApplications.UniqueName());
        erp.Register("r1", household, codes);
        var leaseChange = erp.Attribute("r1", Lease("LGT0002"));
        var beforeCrash = new InMemoryAdapterStateStore();
        string number;
        await using (await AdapterProcess.StartAsync(hub, landlord, erp, beforeCrash, o => o.Inbound = false))
        {
            number = (await HubView.LinkedAsync(beforeCrash, "r1")).Number;
            await Eventually.TrueAsync(async () => await beforeCrash.GetOutboundMarkerAsync(default) == "2", "the lease pushed");
        }

        var probe = new DatabaseProbe(hub.Hub.ConnectionString);
        var changes = await probe.ChangesAsync(number);
        // Worst case of a crash after the hub committed the lease: the marker is still on the registration
        // and the link still at its revision, as if no step of the lease had been recorded by the adapter.
        var afterCrash = new InMemoryAdapterStateStore();
        await afterCrash.SaveLinkAsync(new ApplicationLink(number, "r1", 1), default);
        await afterCrash.SetOutboundMarkerAsync("1", default);
        await using var restarted = await AdapterProcess.StartAsync(hub, landlord, erp, afterCrash, o => o.Inbound = false);

        await Eventually.TrueAsync(async () => await afterCrash.GetOutboundMarkerAsync(default) == "2", "the lease pushed again after the restart");
        Assert.Empty(await restarted.DeadLetters.ListAsync());
        Assert.Equal(1, restarted.Metrics.Pushed);
        Assert.Equal(changes, await probe.ChangesAsync(number));
        using var reader = new InteropClient(hub.Hub.Address, landlord.ApiKey);
        var proposal = Assert.Single((await reader.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        Assert.Equal(ProposalState.LeaseSigned, proposal.State);
        // Each step went once, named after the ERP change.
        Assert.Equal(
            ["registered", "proposed", "cal_decided", "offered", "offer_answered", "radiated"],
            changes.Select(c => c.Kind));
        Assert.Equal(RequestIds.For(landlord.OrganizationId, leaseChange + "/propose", 1), changes[1].RequestId);
    }

    [Fact]
    public async Task ProposalLeftHalfWay_IsContinuedOnTheCurrentRevision_NotProposedAgain()
    {
        var landlord = await hub.JoinLandlordAsync("lease-half");
        var erp = new InMemoryErp();
        var state = new InMemoryAdapterStateStore();
        await using var adapter = await AdapterProcess.StartAsync(hub, landlord, erp, state, o => o.Inbound = false);
        var (household, codes) = HubView.ErpHousehold(TestApplications.UniqueName());
        erp.Register("r1", household, codes);
        var number = (await HubView.LinkedAsync(state, "r1")).Number;
        // The landlord's attribution team proposed the dwelling already (an earlier push cut short, another
        // tool): revision 2, which the adapter's link (revision 1) has not seen.
        using var desk = new InteropClient(hub.Hub.Address, landlord.ApiKey);
        var proposed = await desk.Attributions.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = "applications/" + number,
            ExpectedRevision = 1,
            Proposal = new Proposal { DwellingId = "LGT0003", CommuneCode = "14118", Typology = Typology.T3, ReservationHolder = ReservationHolder.None },
        });

        erp.Attribute("r1", Lease("LGT0003"));

        await Eventually.TrueAsync(async () => await state.GetOutboundMarkerAsync(default) == "2", "the lease pushed");
        Assert.Empty(await adapter.DeadLetters.ListAsync());
        var proposal = Assert.Single((await desk.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        Assert.Equal((proposed.Name, ProposalState.LeaseSigned), (proposal.Name, proposal.State));
        Assert.True(adapter.Metrics.Retried >= 1, "the stale revision was re-read");
        // Revision 2 was not written by this adapter: the link stays where the ERP is, for the feed to bring it.
        Assert.Equal(1, (await state.FindByErpRecordAsync("r1", default))!.Revision);
    }

    [Fact]
    public async Task LeaseOfAHouseholdAttributedElsewhere_IsDeadLetteredWithTheHubsReason_AndTheNextChangeGoes()
    {
        var (landlordA, landlordB) = (await hub.JoinLandlordAsync("first-lease"), await hub.JoinLandlordAsync("late-lease"));
        var (erpA, erpB) = (new InMemoryErp(), new InMemoryErp());
        var (stateA, stateB) = (new InMemoryAdapterStateStore(), new InMemoryAdapterStateStore());
        await using var adapterA = await AdapterProcess.StartAsync(hub, landlordA, erpA, stateA, o => o.Inbound = false);
        await using var adapterB = await AdapterProcess.StartAsync(hub, landlordB, erpB, stateB, o => o.Inbound = false);
        var name = TestApplications.UniqueName();
        var (household, codes) = HubView.ErpHousehold(name);
        erpA.Register("a1", household, codes);
        var number = (await HubView.LinkedAsync(stateA, "a1")).Number;
        var (sameHousehold, sameCodes) = HubView.ErpHousehold(name);
        erpB.Register("b1", sameHousehold, sameCodes);
        Assert.Equal(number, (await HubView.LinkedAsync(stateB, "b1")).Number);
        erpA.Attribute("a1", Lease("LGT0004"));
        await Eventually.TrueAsync(async () => await stateA.GetOutboundMarkerAsync(default) == "2", "landlord A's lease pushed");

        var refused = erpB.Attribute("b1", Lease("LGT0005"));
        var (next, nextCodes) = HubView.ErpHousehold(TestApplications.UniqueName());
        erpB.Register("b2", next, nextCodes);

        await HubView.LinkedAsync(stateB, "b2");
        var deadLetter = Assert.Single(await adapterB.DeadLetters.ListAsync());
        Assert.Equal((DeadLetterDirection.Outbound, refused, "b1"), (deadLetter.Direction, deadLetter.ChangeId, deadLetter.ErpRecordId));
        Assert.StartsWith("ATTRIBUTED_ELSEWHERE: ", deadLetter.Reason, StringComparison.Ordinal);
        Assert.Contains("organizations/" + landlordA.OrganizationId, deadLetter.Reason, StringComparison.Ordinal);
        using var reader = new InteropClient(hub.Hub.Address, landlordB.ApiKey);
        Assert.Empty((await reader.Attributions.ListProposalsAsync(new ListProposalsRequest { Parent = "applications/" + number })).Proposals);
        // Kept with its whole attribution: a replay sends it again and meets the same answer, so it stays.
        var replay = await Assert.ThrowsAsync<PreconditionFailedException>(() => adapterB.DeadLetters.ReplayAsync(deadLetter.Id));
        Assert.Equal(InteropErrorReasons.AttributedElsewhere, replay.Reason);
        Assert.Single(await adapterB.DeadLetters.ListAsync());
    }
}
