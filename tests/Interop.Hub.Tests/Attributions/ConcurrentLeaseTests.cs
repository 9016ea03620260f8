using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Attributions.AttributionCalls;

namespace Interop.Hub.Tests.Attributions;

/// <summary>Two landlords signing a lease with the same household: one wins, the other is told who holds it.</summary>
public sealed class ConcurrentLeaseTests : IAsyncLifetime
{
    private static readonly Google.Type.Date Today = On(2026, 3, 10);

    private HubHost hub = null!;
    private AttributionCalls landlordA = null!;
    private AttributionCalls landlordB = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("leases");
        landlordA = new AttributionCalls(hub.Calls);
        landlordB = new AttributionCalls(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-b", OrganizationKind.Landlord, stock: ["14118"])));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    [Fact]
    public async Task TwoLeasesAtOnce_ExactlyOneWinsAndTheOtherGetsAttributedElsewhereNamingTheWinner()
    {
        for (var round = 0; round < 5; round++)
        {
            var application = (await landlordA.Registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
            var ofA = await landlordA.UpToAcceptedOfferAsync(application.Name, application.Revision, Today, "RPLSA" + round);
            var ofB = await landlordB.UpToAcceptedOfferAsync(application.Name, ofA.ApplicationRevision, Today, "RPLSB" + round);

            // Both ERPs read the same revision and sign at the same moment.
            var revision = ofB.ApplicationRevision;
            var leases = new[] { (Landlord: "test-registrar", Calls: landlordA, Proposal: ofA), (Landlord: "landlord-b", Calls: landlordB, Proposal: ofB) }
                .Select(async side =>
                {
                    try
                    {
                        await side.Calls.Client.RecordLeaseSignedAsync(Lease(side.Proposal, revision, Today));
                        return (side.Landlord, Status: (RpcException?)null);
                    }
                    catch (RpcException exception)
                    {
                        return (side.Landlord, Status: exception);
                    }
                })
                .ToList();
            var outcomes = await Task.WhenAll(leases);

            var winner = Assert.Single(outcomes, o => o.Status is null).Landlord;
            var loser = Assert.Single(outcomes, o => o.Status is not null);
            Assert.Equal(StatusCode.FailedPrecondition, loser.Status!.StatusCode);
            var info = loser.Status.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
            Assert.Equal("ATTRIBUTED_ELSEWHERE", info.Reason);
            Assert.Contains("organizations/" + winner, loser.Status.Status.Detail, StringComparison.Ordinal);

            var radiated = await landlordA.GetAsync(application.Name);
            Assert.Equal(RadiationReason.Attribution, radiated.Radiation.Reason);
            Assert.Equal(revision + 1, radiated.Revision);
            var leased = await new DatabaseProbe(hub.ConnectionString).QueryAsync<string>(
                "SELECT landlord_id FROM proposals WHERE application_number = @number AND state = 'lease_signed'",
                new { number = application.Name["applications/".Length..] });
            Assert.Equal([winner], leased);
        }
    }

    [Fact]
    public async Task LeaseAfterAnotherLandlordSigned_WithTheCurrentRevision_IsStillAttributedElsewhere()
    {
        var application = (await landlordA.Registry.CreateApplicationAsync(TestApplications.Create("B0001"))).Application;
        var ofA = await landlordA.UpToAcceptedOfferAsync(application.Name, application.Revision, Today, "RPLSA");
        var ofB = await landlordB.UpToAcceptedOfferAsync(application.Name, ofA.ApplicationRevision, Today, "RPLSB");
        var signed = await landlordA.Client.RecordLeaseSignedAsync(Lease(ofA, ofB.ApplicationRevision, Today));

        var status = await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => landlordB.Client.RecordLeaseSignedAsync(Lease(ofB, signed.ApplicationRevision, Today)).ResponseAsync,
            "ATTRIBUTED_ELSEWHERE");

        Assert.Contains("organizations/test-registrar", status.Message, StringComparison.Ordinal);
        await RpcAssert.FailsAsync(
            StatusCode.FailedPrecondition,
            () => landlordB.Client.ProposeCandidateAsync(Proposal(application.Name, signed.ApplicationRevision, "RPLSB2")).ResponseAsync,
            "ATTRIBUTED_ELSEWHERE");
    }
}
