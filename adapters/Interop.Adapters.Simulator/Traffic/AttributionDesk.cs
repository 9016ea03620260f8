using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Interop.Adapters.Sdk.Outbound;
using Interop.Adapters.Simulator.Erp;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Adapters.Simulator.Traffic;

/// <summary>
/// What the landlord's attribution team does through the hub's <c>AttributionService</c>: propose a
/// household for one of its dwellings, record the CAL's attribution, the offer, the household's
/// acceptance and the signed lease, which radiates the application everywhere (<c>RADATT</c>).
/// Each step's request id is derived from the dossier, the step and the revision, so a step sent
/// again after a failure is answered with its first answer.
/// </summary>
public sealed class AttributionDesk(InteropClient hub, SimulatedErp erp, string organizationId, string stockCommune)
{
    /// <summary>Runs the whole path for the dossier's household, application <paramref name="number"/>; returns the dwelling.</summary>
    public async Task<string> SignLeaseAsync(string reference, string number, CancellationToken cancellationToken)
    {
        var name = "applications/" + number;
        var application = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = name }, cancellationToken: cancellationToken);
        var dwelling = "LGT" + (Math.Abs((long)StringComparer.Ordinal.GetHashCode(number)) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var typology = application.Wishes is { Typologies.Count: > 0 } wishes ? wishes.Typologies[0] : Typology.T3;
        var proposal = await hub.Attributions.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Step(reference, "propose", application.Revision),
            Parent = name,
            ExpectedRevision = application.Revision,
            Proposal = new Proposal { DwellingId = dwelling, CommuneCode = stockCommune, Typology = typology, ReservationHolder = ReservationHolder.None },
        }, cancellationToken: cancellationToken);
        // Dates as the hub sees the day (its clock, not ours): a step dated after the hub's today is refused.
        var today = Day(proposal.CreateTime);
        proposal = await hub.Attributions.RecordCalDecisionAsync(new RecordCalDecisionRequest
        {
            RequestId = Step(reference, "cal", proposal.ApplicationRevision),
            Name = proposal.Name,
            ExpectedRevision = proposal.ApplicationRevision,
            Decision = new CalDecision { Outcome = CalOutcome.Attribution, DecisionDate = today },
        }, cancellationToken: cancellationToken);
        proposal = await hub.Attributions.RecordOfferAsync(new RecordOfferRequest
        {
            RequestId = Step(reference, "offer", proposal.ApplicationRevision),
            Name = proposal.Name,
            ExpectedRevision = proposal.ApplicationRevision,
            Offer = new Offer { OfferDate = today, ResponseDeadline = Day(proposal.CreateTime, days: 10) },
        }, cancellationToken: cancellationToken);
        proposal = await hub.Attributions.RecordOfferResponseAsync(new RecordOfferResponseRequest
        {
            RequestId = Step(reference, "answer", proposal.ApplicationRevision),
            Name = proposal.Name,
            ExpectedRevision = proposal.ApplicationRevision,
            Answer = OfferAnswer.Accepted,
            AnswerDate = today,
        }, cancellationToken: cancellationToken);
        await hub.Attributions.RecordLeaseSignedAsync(new RecordLeaseSignedRequest
        {
            RequestId = Step(reference, "lease", proposal.ApplicationRevision),
            Name = proposal.Name,
            ExpectedRevision = proposal.ApplicationRevision,
            Lease = new Lease { LeaseDate = today, CollectiveAgreement = CollectiveAgreement.None, ReservationHolder = ReservationHolder.None },
        }, cancellationToken: cancellationToken);
        erp.RecordLease(reference, number, dwelling);
        return dwelling;
    }

    private string Step(string reference, string step, long revision) => RequestIds.For(organizationId, $"attribution:{reference}:{step}", revision);

    /// <summary>The UTC day of a hub time: never after the hub's French today (France is ahead of UTC).</summary>
    private static Google.Type.Date Day(Timestamp time, int days = 0)
    {
        var day = DateOnly.FromDateTime(time.ToDateTime()).AddDays(days);
        return new Google.Type.Date { Year = day.Year, Month = day.Month, Day = day.Day };
    }
}
