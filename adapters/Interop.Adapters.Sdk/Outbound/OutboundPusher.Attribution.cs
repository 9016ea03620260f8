using System.Globalization;
using Interop.Adapters.Sdk.Diagnostics;
using Interop.Client;
using Interop.Contracts.V1;

namespace Interop.Adapters.Sdk.Outbound;

/// <summary>The attribution path of an <see cref="ErpChangeKind.Attribute"/> change, step by step through <c>AttributionService</c>.</summary>
internal sealed partial class OutboundPusher
{
    private const string OrganizationsPrefix = "organizations/";

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// Brings the hub's proposal of the change's dwelling up to the step the ERP reached. Each step is one
    /// hub call with a request id derived from (change id, step, expected revision): after a crash the
    /// proposal is found again by its dwelling and continued from where it stands, so no step is recorded
    /// twice and no second proposal is made; a lease already signed is simply done.
    /// </summary>
    private async Task AttributeAsync(ErpChange change, CancellationToken cancellationToken)
    {
        var link = await state.FindByErpRecordAsync(change.ErpRecordId, cancellationToken)
            ?? throw new ChangeRefusedException($"ERP record '{change.ErpRecordId}' is linked to no hub application: its registration must be pushed first.");
        var attribution = change.Attribution
            ?? throw new ChangeRefusedException($"ERP change '{change.ChangeId}' is an attribution without its dwelling (ErpChange.Attribution).");
        if (attribution.Reached == ErpAttributionStep.LeaseSigned && string.IsNullOrWhiteSpace(attribution.CollectiveAgreementCode))
        {
            throw new ChangeRefusedException($"ERP change '{change.ChangeId}' signs a lease without its collective agreement (ErpAttribution.CollectiveAgreementCode).");
        }

        RefuseFutureDates(change.ChangeId, attribution);

        var (typology, holder, agreement) = mapper.MapAttribution(attribution);
        var parent = ApplicationsPrefix + link.Number;
        var proposal = await FindProposalAsync(parent, attribution.DwellingId, cancellationToken);
        var linkRevision = link.Revision;
        var expected = link.Revision;
        var mismatches = 0;
        while (proposal is null || Reached(proposal.State) < attribution.Reached)
        {
            var step = Next(proposal);
            try
            {
                var requestId = RequestIds.For(options.OrganizationId, $"{change.ChangeId}/{step}", expected);
                proposal = await StepAsync(step, requestId, parent, expected, proposal, attribution, typology, holder, agreement, cancellationToken);
            }
            catch (RevisionMismatchException) when (mismatches < options.RevisionRetries)
            {
                // Someone else changed the application between two steps (or before the first): re-read it and
                // take the step again on the current revision, as a new request.
                mismatches++;
                var current = await hub.Registry.GetApplicationAsync(new GetApplicationRequest { Name = parent }, cancellationToken: cancellationToken);
                AdapterLog.RevisionMismatch(logger, link.Number, expected, current.Revision, change.ChangeId);
                metrics.CountRetried();
                expected = current.Revision;
                continue;
            }

            // As for updates: the link's revision is also what the inbound loop has applied, so it only moves
            // while no one else wrote in between (the hub does not send the landlord's own changes back).
            if (expected == linkRevision)
            {
                linkRevision = proposal.ApplicationRevision;
                await state.SaveLinkAsync(link with { Revision = linkRevision }, cancellationToken);
            }

            expected = proposal.ApplicationRevision;
        }

        AdapterLog.Pushed(logger, change.ChangeId, change.Kind.ToString(), link.Number, proposal.ApplicationRevision);
    }

    /// <summary>
    /// The hub refuses a step dated after its French today, but only at that step: a lease dated tomorrow would
    /// leave a proposal (and a CAL decision) behind at the hub for a lease that is not signed. Refused here,
    /// before any call, the change is a dead letter naming the date, and the hub holds nothing of it. The
    /// answer's deadline is not checked: it is in the future by nature.
    /// </summary>
    private void RefuseFutureDates(string changeId, ErpAttribution attribution)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(timeProvider.GetUtcNow(), Paris).DateTime);
        (string What, DateOnly? Day)[] dates =
        [
            ("the CAL's decision", attribution.CalDecisionDate),
            ("the offer", attribution.OfferDate),
            ("the household's answer", attribution.AnswerDate),
            ("the lease", attribution.LeaseDate),
        ];
        foreach (var (what, day) in dates)
        {
            if (day > today)
            {
                throw new ChangeRefusedException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"ERP change '{changeId}' dates {what} {day:yyyy-MM-dd}, after today ({today:yyyy-MM-dd}, Europe/Paris): the hub records no attribution step in the future. Correct the date in the ERP, then replay."));
            }
        }
    }

    /// <summary>
    /// This landlord's live proposal of the dwelling for the application (not refused, not turned down by the
    /// CAL): the one an earlier push made, or an earlier ERP change of the same attribution.
    /// </summary>
    private async Task<Proposal?> FindProposalAsync(string parent, string dwellingId, CancellationToken cancellationToken)
    {
        var landlord = OrganizationsPrefix + options.OrganizationId;
        Proposal? found = null;
        var request = new ListProposalsRequest { Parent = parent, PageSize = 500 };
        do
        {
            var page = await hub.Attributions.ListProposalsAsync(request, cancellationToken: cancellationToken);
            // Ordered by creation: the last live one is the one to continue.
            found = page.Proposals.LastOrDefault(p => p.Landlord == landlord && p.DwellingId == dwellingId && Reached(p.State) is not null) ?? found;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);
        return found;
    }

    /// <summary>The ERP step a proposal's state stands for; null for a proposal that ended without the dwelling.</summary>
    private static ErpAttributionStep? Reached(ProposalState state) => state switch
    {
        ProposalState.Proposed => default(ErpAttributionStep),
        ProposalState.Attributed => ErpAttributionStep.Attributed,
        ProposalState.Offered => ErpAttributionStep.Offered,
        ProposalState.OfferAccepted => ErpAttributionStep.Accepted,
        ProposalState.LeaseSigned => ErpAttributionStep.LeaseSigned,
        _ => null,
    };

    private static string Next(Proposal? proposal) => proposal?.State switch
    {
        null => "propose",
        ProposalState.Proposed => "cal",
        ProposalState.Attributed => "offer",
        ProposalState.Offered => "answer",
        _ => "lease",
    };

    private async Task<Proposal> StepAsync(
        string step,
        string requestId,
        string parent,
        long expected,
        Proposal? proposal,
        ErpAttribution attribution,
        Typology typology,
        ReservationHolder holder,
        CollectiveAgreement agreement,
        CancellationToken cancellationToken)
    {
        if (proposal is null)
        {
            return await hub.Attributions.ProposeCandidateAsync(new ProposeCandidateRequest
            {
                RequestId = requestId,
                Parent = parent,
                ExpectedRevision = expected,
                Proposal = new Proposal { DwellingId = attribution.DwellingId, CommuneCode = attribution.CommuneCode, Typology = typology, ReservationHolder = holder },
            }, cancellationToken: cancellationToken);
        }

        // Dates the ERP left open are the hub's day of the proposal: a step dated after the hub's today is refused.
        var hubDay = DateOnly.FromDateTime(proposal.CreateTime.ToDateTime());
        var calDate = attribution.CalDecisionDate ?? hubDay;
        var offerDate = attribution.OfferDate ?? calDate;
        var answerDate = attribution.AnswerDate ?? offerDate;
        return step switch
        {
            "cal" => await hub.Attributions.RecordCalDecisionAsync(new RecordCalDecisionRequest
            {
                RequestId = requestId,
                Name = proposal.Name,
                ExpectedRevision = expected,
                Decision = new CalDecision { Outcome = CalOutcome.Attribution, DecisionDate = Date(calDate) },
            }, cancellationToken: cancellationToken),
            "offer" => await hub.Attributions.RecordOfferAsync(new RecordOfferRequest
            {
                RequestId = requestId,
                Name = proposal.Name,
                ExpectedRevision = expected,
                Offer = new Offer { OfferDate = Date(offerDate), ResponseDeadline = Date(attribution.ResponseDeadline ?? offerDate.AddDays(10)) },
            }, cancellationToken: cancellationToken),
            "answer" => await hub.Attributions.RecordOfferResponseAsync(new RecordOfferResponseRequest
            {
                RequestId = requestId,
                Name = proposal.Name,
                ExpectedRevision = expected,
                Answer = OfferAnswer.Accepted,
                AnswerDate = Date(answerDate),
            }, cancellationToken: cancellationToken),
            _ => await hub.Attributions.RecordLeaseSignedAsync(new RecordLeaseSignedRequest
            {
                RequestId = requestId,
                Name = proposal.Name,
                ExpectedRevision = expected,
                Lease = new Lease
                {
                    LeaseDate = Date(attribution.LeaseDate ?? answerDate),
                    Dalo = attribution.Dalo,
                    CollectiveAgreement = agreement,
                    ReservationHolder = holder,
                },
            }, cancellationToken: cancellationToken),
        };
    }

    private static Google.Type.Date Date(DateOnly day) => new() { Year = day.Year, Month = day.Month, Day = day.Day };
}
