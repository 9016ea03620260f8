using Interop.Contracts.V1;
using Interop.Testing;
using static Interop.Hub.Tests.Attributions.AttributionCalls;

namespace Interop.Hub.Tests.HttpJson;

/// <summary>AttributionService through the HTTP/JSON door: the whole path of a proposal, read back and listed.</summary>
public sealed class AttributionOverHttpTests : IAsyncLifetime
{
    // The hub's clock starts on 2026-03-10 (Paris).
    private static readonly Google.Type.Date Today = On(2026, 3, 10);

    private HubHost hub = null!;
    private JsonDoor door = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("httpjson-attributions", httpJson: true);
        door = JsonDoor.Over(hub.HttpJsonAddress!, await HubAccess.IssueKeyAsync(hub.Channel, TestOrganizations.Registrar().OrganizationId));
    }

    public async Task DisposeAsync()
    {
        door.Dispose();
        await hub.DisposeAsync();
    }

    [Fact]
    public async Task ProposeToLeaseSigned_OverHttp11_RadiatesTheApplicationAndReadsBack()
    {
        var application = (await door.PostAsync<CreateApplicationResponse>("/v1/applications", TestApplications.Create())).Application;

        var proposed = await door.PostAsync<Proposal>($"/v1/{application.Name}/proposals", Proposal(application.Name, application.Revision));
        var ranked = await door.PostAsync<Proposal>($"/v1/{proposed.Name}:recordCalDecision", RankOne(proposed, Today));
        var offered = await door.PostAsync<Proposal>($"/v1/{ranked.Name}:recordOffer", Offer(ranked, Today, On(2026, 3, 20)));
        var accepted = await door.PostAsync<Proposal>($"/v1/{offered.Name}:recordOfferResponse", Accepted(offered, Today));
        var leased = await door.PostAsync<Proposal>($"/v1/{accepted.Name}:recordLeaseSigned", Lease(accepted, accepted.ApplicationRevision, Today));

        Assert.StartsWith(application.Name + "/proposals/", proposed.Name, StringComparison.Ordinal);
        Assert.Equal(
            [ProposalState.Proposed, ProposalState.Attributed, ProposalState.Offered, ProposalState.OfferAccepted, ProposalState.LeaseSigned],
            new[] { proposed, ranked, offered, accepted, leased }.Select(p => p.State));
        Assert.Equal(leased, await door.GetAsync<Proposal>("/v1/" + leased.Name));
        var listed = await door.GetAsync<ListProposalsResponse>($"/v1/{application.Name}/proposals?pageSize=10");
        Assert.Equal(leased, Assert.Single(listed.Proposals));
        var radiated = await door.GetAsync<Application>("/v1/" + application.Name);
        Assert.Equal(ApplicationStatus.Radiated, radiated.Status);
        Assert.Equal(RadiationReason.Attribution, radiated.Radiation.Reason);
    }
}
