using Grpc.Core;
using Interop.Contracts.V1;
using Date = Google.Type.Date;

namespace Interop.Hub.Tests.Attributions;

/// <summary>One landlord's ERP reporting the attribution path, as its adapter would: each step sends the revision it last saw.</summary>
internal sealed class AttributionCalls(CallInvoker calls)
{
    public AttributionService.AttributionServiceClient Client { get; } = new(calls);

    public RegistryService.RegistryServiceClient Registry { get; } = new(calls);

    public static Date On(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static ProposeCandidateRequest Proposal(string application, long revision, string dwelling = "RPLS14118A001") => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Parent = application,
        ExpectedRevision = revision,
        Proposal = new Proposal
        {
            DwellingId = dwelling,
            CommuneCode = "14118",
            Typology = Typology.T3,
            ReservationHolder = ReservationHolder.PrefectPriority,
        },
    };

    public static RecordCalDecisionRequest RankOne(Proposal proposal, Date decided) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = proposal.Name,
        ExpectedRevision = proposal.ApplicationRevision,
        Decision = new CalDecision { Outcome = CalOutcome.RankedAttribution, Rank = 1, DecisionDate = decided },
    };

    public static RecordOfferRequest Offer(Proposal proposal, Date made, Date deadline) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = proposal.Name,
        ExpectedRevision = proposal.ApplicationRevision,
        Offer = new Offer { OfferDate = made, ResponseDeadline = deadline },
    };

    public static RecordOfferResponseRequest Accepted(Proposal proposal, Date answered) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = proposal.Name,
        ExpectedRevision = proposal.ApplicationRevision,
        Answer = OfferAnswer.Accepted,
        AnswerDate = answered,
    };

    public static RecordLeaseSignedRequest Lease(Proposal proposal, long revision, Date signed) => new()
    {
        RequestId = Guid.NewGuid().ToString(),
        Name = proposal.Name,
        ExpectedRevision = revision,
        Lease = new Lease
        {
            LeaseDate = signed,
            Dalo = true,
            CollectiveAgreement = CollectiveAgreement.Intercommunal,
            ReservationHolder = ReservationHolder.PrefectPriority,
        },
    };

    /// <summary>Proposes the household and walks it to an accepted offer: CAL rank 1, offer with ten days, accepted.</summary>
    public async Task<Proposal> UpToAcceptedOfferAsync(string application, long revision, Date today, string dwelling = "RPLS14118A001")
    {
        var proposal = await Client.ProposeCandidateAsync(Proposal(application, revision, dwelling));
        proposal = await Client.RecordCalDecisionAsync(RankOne(proposal, today));
        var deadline = new DateOnly(today.Year, today.Month, today.Day).AddDays(10);
        proposal = await Client.RecordOfferAsync(Offer(proposal, today, On(deadline.Year, deadline.Month, deadline.Day)));
        return await Client.RecordOfferResponseAsync(Accepted(proposal, today));
    }

    public Task<Application> GetAsync(string application) =>
        Registry.GetApplicationAsync(new GetApplicationRequest { Name = application }).ResponseAsync;
}
