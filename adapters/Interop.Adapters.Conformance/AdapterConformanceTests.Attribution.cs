using Interop.Contracts.V1;

namespace Interop.Adapters.Conformance;

/// <summary>Leases signed in the ERP: attributed at the hub once, the household gone from the other landlords' lists; bad leases dead-lettered.</summary>
public abstract partial class AdapterConformanceTests
{
    [Fact]
    public async Task ALeaseSignedInErpA_AttributesTheApplication_TakesItOffErpBsActiveList_AndReplayedAttributesNothingTwice()
    {
        var (landlordA, landlordB) = (await Hub.JoinAsync("conf-lease-a"), await Hub.JoinAsync("conf-lease-b"));
        await using var erpA = CreateHarness();
        await using var erpB = CreateHarness();
        await erpA.StartAsync(landlordA);
        await erpB.StartAsync(landlordB);
        var record = await erpA.TypeAsync(NewHousehold());
        var number = await NumberOfAsync(erpA, record);
        var registered = await ReadAtHubAsync(landlordA, number);
        Assert.True((await ErpRecordAtAsync(erpB, number, registered.Revision)).Active, "ERP B holds the household as active before the lease");

        var lease = NewLease() with { Typology = "TYPOLOGY_T2", ReservationHolder = "RESERVATION_HOLDER_LOCAL_AUTHORITY" };
        await erpA.SignLeaseAsync(record, lease);

        // The hub's rule: a signed lease radiates the application for attribution, at every landlord.
        await Poll.UntilAsync(async () => (await ReadAtHubAsync(landlordA, number)).Status == ApplicationStatus.Radiated, "the application radiated at the hub");
        var attributed = await ReadAtHubAsync(landlordA, number);
        Assert.Equal(RadiationReason.Attribution, attributed.Radiation.Reason);
        var proposal = Assert.Single(await ProposalsAtHubAsync(landlordA, number));
        Assert.Equal((ProposalState.LeaseSigned, lease.DwellingId, lease.CommuneCode), (proposal.State, proposal.DwellingId, proposal.CommuneCode));
        Assert.Equal((lease.Typology, lease.ReservationHolder), (ContractNames.Of(proposal.Typology), ContractNames.Of(proposal.ReservationHolder)));
        Assert.Equal(lease.CollectiveAgreement, ContractNames.Of(proposal.Lease.CollectiveAgreement));
        Assert.Equal(lease.Date, new DateOnly(proposal.Lease.LeaseDate.Year, proposal.Lease.LeaseDate.Month, proposal.Lease.LeaseDate.Day));

        var atB = await ErpRecordAtAsync(erpB, number, attributed.Revision);
        Assert.False(atB.Active, "the household left ERP B's active list");

        // The same lease read again (a restored checkpoint): found signed at the hub, nothing recorded twice.
        await erpA.StopAsync();
        await erpA.RewindAsync();
        await erpA.StartAsync(landlordA);
        await NumberOfAsync(erpA, await erpA.TypeAsync(NewHousehold(1)));
        Assert.Equal(attributed.Revision, (await ReadAtHubAsync(landlordA, number)).Revision);
        Assert.Single(await ProposalsAtHubAsync(landlordA, number));
        Assert.Empty(await erpA.DeadLettersAsync());
        Assert.Empty(await erpB.DeadLettersAsync());
    }

    [Fact]
    public async Task ALeaseOfAHouseholdTheHubDoesNotHold_OrDatedInTheFuture_IsDeadLetteredWithItsReason_AndTheLoopGoesOn()
    {
        var landlord = await Hub.JoinAsync("conf-badlease");
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);
        // Its registration is refused (a code no table maps): the hub never holds this household.
        var unknown = await harness.TypeAsync(NewHousehold() with { Housing = ConformanceHousehold.Unmapped });
        await harness.SignLeaseAsync(unknown, NewLease());
        var record = await harness.TypeAsync(NewHousehold(1));
        var number = await NumberOfAsync(harness, record);
        var tomorrow = FrenchToday().AddDays(1);
        await harness.SignLeaseAsync(record, NewLease() with { Date = tomorrow });

        var next = NewHousehold(2);
        AssertSameHousehold(next, await ReadAtHubAsync(landlord, await NumberOfAsync(harness, await harness.TypeAsync(next))));

        // An adapter may push several records at once: the dead letters can come after the next record.
        await Poll.UntilAsync(async () => (await harness.DeadLettersAsync()).Count >= 3, "the refused registration and both leases dead-lettered");
        var deadLetters = await harness.DeadLettersAsync();
        Assert.Equal(3, deadLetters.Count);
        Assert.Equal(2, deadLetters.Count(d => d.ErpRecordId == unknown));
        Assert.Contains(deadLetters, d => d.ErpRecordId == unknown && d.Reason.Contains("linked to no hub application", StringComparison.Ordinal));
        var future = Assert.Single(deadLetters, d => d.ErpRecordId == record);
        Assert.Contains(tomorrow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), future.Reason, StringComparison.Ordinal);
        Assert.Contains("future", future.Reason, StringComparison.Ordinal);

        // Refused before any call: the hub holds no half-made proposal, and the household is still to be housed.
        Assert.Empty(await ProposalsAtHubAsync(landlord, number));
        Assert.Equal(ApplicationStatus.Active, (await ReadAtHubAsync(landlord, number)).Status);
    }

    [Fact]
    public async Task ALeaseCorrectedInTheErp_IsAttributed_AndItsEarlierDeadLetterIsGone()
    {
        var landlord = await Hub.JoinAsync("conf-fixedlease");
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);
        var record = await harness.TypeAsync(NewHousehold());
        var number = await NumberOfAsync(harness, record);

        // Typed with tomorrow's date by mistake: refused before any call, a dead letter naming the record.
        var lease = NewLease() with { Date = FrenchToday().AddDays(1) };
        await harness.SignLeaseAsync(record, lease);
        await Poll.UntilAsync(async () => (await harness.DeadLettersAsync()).Any(d => d.ErpRecordId == record), "the lease dated tomorrow dead-lettered");

        // The desk corrects the date: the lease is attributed, and the operator's list no longer shows the old refusal.
        var corrected = lease with { Date = FrenchToday() };
        await harness.CorrectLeaseAsync(record, corrected);
        await Poll.UntilAsync(async () => (await ReadAtHubAsync(landlord, number)).Status == ApplicationStatus.Radiated, "the application radiated at the hub");
        var proposal = Assert.Single(await ProposalsAtHubAsync(landlord, number));
        Assert.Equal((ProposalState.LeaseSigned, corrected.DwellingId), (proposal.State, proposal.DwellingId));
        Assert.Equal(corrected.Date, new DateOnly(proposal.Lease.LeaseDate.Year, proposal.Lease.LeaseDate.Month, proposal.Lease.LeaseDate.Day));
        await Poll.UntilAsync(async () => (await harness.DeadLettersAsync()).Count == 0, "the corrected lease's dead letter removed");
    }

    [Fact]
    public async Task TheCurrentDwelling_TravelsBothWays_AndAHouseholdWithoutItHasNoneAtTheHub()
    {
        var (landlord, other) = (await Hub.JoinAsync("conf-dwelling"), await Hub.JoinAsync("conf-dwelling-other"));
        await using var harness = CreateHarness();
        await harness.StartAsync(landlord);

        // A rent of 0 is a real value (lodged free), not an unknown one.
        var housed = NewHousehold(1) with { MainRooms = 4, MonthlyRentEur = 0 };
        var without = NewHousehold(2);
        AssertSameHousehold(housed, await ReadAtHubAsync(landlord, await NumberOfAsync(harness, await harness.TypeAsync(housed))));
        AssertSameHousehold(without, await ReadAtHubAsync(landlord, await NumberOfAsync(harness, await harness.TypeAsync(without))));

        var (number, registered) = await RegisterElsewhereAsync(other, dwelling: new CurrentDwellingFacts { MainRooms = 2, MonthlyRentEur = 610 });
        var received = await ErpRecordAtAsync(harness, number, registered.Revision);
        Assert.Equal(2, received.MainRooms);
        Assert.Equal(610, received.MonthlyRentEur);
        var (bare, bareRegistered) = await RegisterElsewhereAsync(other);
        var bareReceived = await ErpRecordAtAsync(harness, bare, bareRegistered.Revision);
        Assert.Null(bareReceived.MainRooms);
        Assert.Null(bareReceived.MonthlyRentEur);
    }
}
