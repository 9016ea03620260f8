using Grpc.Core;
using Interop.Client;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Attributions.AttributionCalls;

namespace Interop.Hub.Tests.Attributions;

/// <summary>The attribution path as landlords' ERPs report it, over a real hub and database.</summary>
public sealed class AttributionServiceTests : IAsyncLifetime
{
    // The hub's clock starts on 2026-03-10 (Paris).
    private static readonly Google.Type.Date Today = On(2026, 3, 10);

    private HubHost hub = null!;
    private AttributionCalls landlordA = null!;
    private AttributionCalls landlordB = null!;
    private CallInvoker callsB = null!;
    private InteropClient clientB = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("attributions");
        landlordA = new AttributionCalls(hub.Calls);
        var keyB = await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Of("landlord-b", OrganizationKind.Landlord, stock: ["14118"]));
        callsB = ApiKeyCredentials.Over(hub.Channel, keyB);
        clientB = hub.Connect(keyB);
        landlordB = new AttributionCalls(callsB);
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<Application> RegisterAsync() =>
        (await landlordA.Registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;

    [Fact]
    public async Task FullPath_LeaseSigned_RadiatesAttributionWithTheLeaseDataAndLandlordBReceivesTheRadiation()
    {
        var application = await RegisterAsync();
        await using var feedB = FeedRecorder.Subscribe(clientB, new FeedSubscriptionOptions { SubscriptionId = "erp-b" });

        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));
        Assert.Equal(ProposalState.Proposed, proposed.State);
        Assert.StartsWith(application.Name + "/proposals/", proposed.Name, StringComparison.Ordinal);
        Assert.Equal("organizations/test-registrar", proposed.Landlord);
        Assert.Equal(2, proposed.ApplicationRevision);

        var decided = await landlordA.Client.RecordCalDecisionAsync(RankOne(proposed, Today));
        Assert.Equal(ProposalState.Attributed, decided.State);
        Assert.Equal(1, decided.CalDecision.Rank);

        var offered = await landlordA.Client.RecordOfferAsync(Offer(decided, Today, On(2026, 3, 20)));
        Assert.Equal(ProposalState.Offered, offered.State);

        var accepted = await landlordA.Client.RecordOfferResponseAsync(Accepted(offered, On(2026, 3, 10)));
        Assert.Equal(ProposalState.OfferAccepted, accepted.State);

        var leased = await landlordA.Client.RecordLeaseSignedAsync(Lease(accepted, accepted.ApplicationRevision, Today));
        Assert.Equal(ProposalState.LeaseSigned, leased.State);
        Assert.Equal(6, leased.ApplicationRevision);

        var radiated = await landlordA.GetAsync(application.Name);
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.Attribution, radiated.Radiation.Reason);
        Assert.Equal(Today, radiated.Radiation.RadiationDate);
        Assert.Equal(6, radiated.Revision);

        // What the national registry needs of the attribution stays on the proposal.
        var stored = await landlordA.Client.GetProposalAsync(new GetProposalRequest { Name = leased.Name });
        Assert.Equal("RPLS14118A001", stored.DwellingId);
        Assert.True(stored.Lease.Dalo);
        Assert.Equal(CollectiveAgreement.Intercommunal, stored.Lease.CollectiveAgreement);
        Assert.Equal(ReservationHolder.PrefectPriority, stored.Lease.ReservationHolder);
        Assert.Equal(Today, stored.Lease.LeaseDate);

        await feedB.WaitForCaughtUpAsync(await FeedHead.WhenSequencedAsync(hub.ConnectionString));
        var seenByB = feedB.Changes.Where(c => c.Application == application.Name).ToList();
        Assert.Equal(
            [ChangeKind.Registered, ChangeKind.Proposed, ChangeKind.CalDecided, ChangeKind.Offered, ChangeKind.OfferAnswered, ChangeKind.Radiated],
            seenByB.Select(c => c.Kind));
        var radiation = seenByB[^1];
        Assert.Equal(6, radiation.Revision);
        Assert.Equal("organizations/test-registrar", radiation.Actor);
        Assert.Equal(RadiationReason.Attribution, radiation.ApplicationState.Radiation.Reason);
    }

    [Fact]
    public async Task EveryStep_IsRecordedInTheAuditTrail()
    {
        var application = await RegisterAsync();
        var accepted = await landlordA.UpToAcceptedOfferAsync(application.Name, application.Revision, Today);
        await landlordA.Client.RecordLeaseSignedAsync(Lease(accepted, accepted.ApplicationRevision, Today));

        var methods = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>(
            "SELECT method FROM audit_records WHERE application_number = @number AND action = 'change' ORDER BY access_time, method",
            new { number = application.Name["applications/".Length..] });

        foreach (var step in new[] { "ProposeCandidate", "RecordCalDecision", "RecordOffer", "RecordOfferResponse", "RecordLeaseSigned" })
        {
            Assert.Contains(methods, m => m.EndsWith("/" + step, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task StaleRevision_IsAbortedWithTheCurrentRevisionAndWritesNothing()
    {
        var application = await RegisterAsync();
        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));
        var before = await new DatabaseProbe(hub.ConnectionString).CountAsync();

        var stale = RankOne(proposed, Today);
        stale.ExpectedRevision = application.Revision;

        var status = await RpcAssert.FailsAsync(
            StatusCode.Aborted, () => landlordA.Client.RecordCalDecisionAsync(stale).ResponseAsync, "REVISION_MISMATCH");

        Assert.Equal("2", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["current_revision"]);
        Assert.Equal(before, await new DatabaseProbe(hub.ConnectionString).CountAsync());
        var unchanged = await landlordA.Client.GetProposalAsync(new GetProposalRequest { Name = proposed.Name });
        Assert.Equal(ProposalState.Proposed, unchanged.State);
    }

    [Fact]
    public async Task ProposeCandidate_StaleRevision_IsAbortedWithTheCurrentRevisionAndWritesNothing()
    {
        var application = await RegisterAsync();
        await landlordA.Registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = new Application { Name = application.Name, CurrentHousing = HousingSituation.Hotel },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "current_housing" } },
            ExpectedRevision = 1,
        });
        var before = await new DatabaseProbe(hub.ConnectionString).CountAsync();

        var status = await RpcAssert.FailsAsync(
            StatusCode.Aborted, () => landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision)).ResponseAsync, "REVISION_MISMATCH");

        Assert.Equal("2", status.GetDetail<Google.Rpc.ErrorInfo>().Metadata["current_revision"]);
        Assert.Equal(application.Name, status.GetDetail<Google.Rpc.ResourceInfo>().ResourceName);
        Assert.Equal(before, await new DatabaseProbe(hub.ConnectionString).CountAsync());
    }

    [Fact]
    public async Task EveryStep_IsRecordedWithItsRequestIdAndTheProposal()
    {
        var application = await RegisterAsync();
        var propose = Proposal(application.Name, application.Revision);
        var proposed = await landlordA.Client.ProposeCandidateAsync(propose);
        var decide = RankOne(proposed, Today);
        await landlordA.Client.RecordCalDecisionAsync(decide);

        var changes = (await new DatabaseProbe(hub.ConnectionString).ChangesAsync(application.Number)).Skip(1).ToList();

        Assert.Equal(
            [(2L, "proposed", "test-registrar", propose.RequestId), (3L, "cal_decided", "test-registrar", decide.RequestId)],
            changes.Select(c => (c.Revision, c.Kind, c.Actor, c.RequestId)));
        Assert.Equal(
            $$"""{"lease": null, "state": "Proposed", "cal_rank": null, "proposal": "{{proposed.Name}}", "cal_outcome": null, "dwelling_id": "RPLS14118A001", "commune_code": "14118", "reservation_holder": "PPRIOR"}""",
            changes[0].Details);
        Assert.Equal(
            $$"""{"lease": null, "state": "Attributed", "cal_rank": 1, "proposal": "{{proposed.Name}}", "cal_outcome": "RankedAttribution", "dwelling_id": "RPLS14118A001", "commune_code": "14118", "reservation_holder": "PPRIOR"}""",
            changes[1].Details);
    }

    [Fact]
    public async Task SameRequestIdReplayed_ReturnsTheFirstAnswerAndChangesNothing()
    {
        var application = await RegisterAsync();
        var request = Proposal(application.Name, application.Revision);

        var first = await landlordA.Client.ProposeCandidateAsync(request);
        var counts = await new DatabaseProbe(hub.ConnectionString).CountAsync();
        var again = await landlordA.Client.ProposeCandidateAsync(request);

        Assert.Equal(first, again);
        Assert.Equal(counts, await new DatabaseProbe(hub.ConnectionString).CountAsync());
        var listed = await landlordA.Client.ListProposalsAsync(new ListProposalsRequest { Parent = application.Name });
        Assert.Single(listed.Proposals);

        var reused = request.Clone();
        reused.Proposal.DwellingId = "RPLS14118A002";
        await RpcAssert.FailsAsync(StatusCode.InvalidArgument, () => landlordA.Client.ProposeCandidateAsync(reused).ResponseAsync, "REQUEST_ID_REUSED");
    }

    [Fact]
    public async Task AnotherLandlord_MayNotRecordTheStepsOfAProposalItDidNotMake()
    {
        var application = await RegisterAsync();
        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => landlordB.Client.RecordCalDecisionAsync(RankOne(proposed, Today)).ResponseAsync, "PERMISSION_DENIED");
        var decided = await landlordA.Client.RecordCalDecisionAsync(RankOne(proposed, Today));
        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => landlordB.Client.RecordOfferAsync(Offer(decided, Today, On(2026, 3, 20))).ResponseAsync, "PERMISSION_DENIED");

        // B does not read A's proposals either: they are A's own.
        var listedByB = await landlordB.Client.ListProposalsAsync(new ListProposalsRequest { Parent = application.Name });
        Assert.Empty(listedByB.Proposals);
        await RpcAssert.FailsAsync(StatusCode.NotFound, () => landlordB.Client.GetProposalAsync(new GetProposalRequest { Name = proposed.Name }).ResponseAsync);
    }

    [Fact]
    public async Task ALandlordWithoutStockInTheDepartement_MayNotPropose()
    {
        var application = await RegisterAsync();
        var orne = new AttributionCalls(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-orne", OrganizationKind.Landlord, stock: ["61001"])));

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => orne.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision)).ResponseAsync, "PERMISSION_DENIED");
    }

    [Fact]
    public async Task OfferDeadlineUnderTenDays_IsInvalidNamingTheDeadline()
    {
        var application = await RegisterAsync();
        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));
        var decided = await landlordA.Client.RecordCalDecisionAsync(RankOne(proposed, Today));

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument, () => landlordA.Client.RecordOfferAsync(Offer(decided, Today, On(2026, 3, 19))).ResponseAsync, "INVALID_ARGUMENT");

        Assert.Equal(["offer.response_deadline"], RpcAssert.ViolatedFields(status));
        var offered = await landlordA.Client.RecordOfferAsync(Offer(decided, Today, On(2026, 3, 20)));
        Assert.Equal(On(2026, 3, 20), offered.Offer.ResponseDeadline);
    }

    [Fact]
    public async Task OfferBeforeTheCalDecided_IsAnIllegalTransition()
    {
        var application = await RegisterAsync();
        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));

        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition, () => landlordA.Client.RecordOfferAsync(Offer(proposed, Today, On(2026, 3, 20))).ResponseAsync, "ILLEGAL_TRANSITION");
    }

    [Fact]
    public async Task SilenceAfterTheDeadline_CountsAsRefusalFromTheDayAfter()
    {
        var application = await RegisterAsync();
        var proposed = await landlordA.Client.ProposeCandidateAsync(Proposal(application.Name, application.Revision));
        var decided = await landlordA.Client.RecordCalDecisionAsync(RankOne(proposed, Today));
        var offered = await landlordA.Client.RecordOfferAsync(Offer(decided, Today, On(2026, 3, 20)));
        var silence = new RecordOfferResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Name = offered.Name,
            ExpectedRevision = offered.ApplicationRevision,
            Answer = OfferAnswer.NoAnswer,
        };

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        await RpcAssert.FailsAsync(StatusCode.FailedPrecondition, () => landlordA.Client.RecordOfferResponseAsync(silence).ResponseAsync, "ILLEGAL_TRANSITION");

        hub.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 21, 12, 0, 0, TimeSpan.Zero));
        var refused = await landlordA.Client.RecordOfferResponseAsync(silence);
        Assert.Equal(ProposalState.OfferRefused, refused.State);
        Assert.Equal(On(2026, 3, 21), refused.Offer.AnswerDate);
        Assert.Equal(ApplicationStatus.Active, (await landlordA.GetAsync(application.Name)).Status);
    }
}
