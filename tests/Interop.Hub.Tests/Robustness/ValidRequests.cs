using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Interop.Contracts.V1;
using Interop.Testing;
using Date = Google.Type.Date;

namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// One valid request per RPC, over the fixture's real data: the generator
/// changes a field or two of it, so that half the random requests are nearly
/// right and reach the checks, reads and writes behind the first validation.
/// </summary>
internal static class ValidRequests
{
    public static Dictionary<string, IMessage> For(IReadOnlyList<string> numbers, Proposal proposal, string otherKey, Date today)
    {
        var (first, second, third) = ("applications/" + numbers[0], "applications/" + numbers[1], "applications/" + numbers[2]);
        var id = Guid.Empty.ToString();
        var updated = TestApplications.Valid();
        updated.Name = second;
        var imported = TestApplications.Valid();
        imported.Number = "IMPORTED0001";
        imported.FiledDate = new Date { Year = 2025, Month = 6, Day = 2 };
        imported.RegisteringDesk = "B0001";
        var deadline = new Date { Year = today.Year, Month = today.Month + 1, Day = today.Day };

        return new Dictionary<string, IMessage>(StringComparer.Ordinal)
        {
            ["CreateApplication"] = TestApplications.Create(),
            ["ImportApplication"] = new ImportApplicationRequest { RequestId = id, Application = imported },
            ["OnboardApplications"] = new OnboardApplicationsRequest { Registration = TestApplications.Create() },
            ["GetApplication"] = new GetApplicationRequest { Name = first },
            ["ListApplications"] = new ListApplicationsRequest { PageSize = 2, Departement = "14", Status = ApplicationStatus.Active },
            ["ListApplicationChanges"] = new ListApplicationChangesRequest { Parent = first, PageSize = 1 },
            ["GetApplicationStock"] = new GetApplicationStockRequest { Date = new Date { Year = 2025, Month = 12, Day = 31 }, Level = TerritoryLevel.Commune },
            ["UpdateApplication"] = new UpdateApplicationRequest { RequestId = id, Application = updated, UpdateMask = new FieldMask { Paths = { "wishes", "resources" } }, ExpectedRevision = 1 },
            ["RenewApplication"] = new RenewApplicationRequest { RequestId = id, Name = second, ExpectedRevision = 1 },
            ["RadiateApplication"] = new RadiateApplicationRequest { RequestId = id, Name = third, ExpectedRevision = 1, Reason = RadiationReason.Renunciation },
            ["ReactivateApplication"] = new ReactivateApplicationRequest { RequestId = id, Name = third, ExpectedRevision = 2 },
            ["CreateOrganization"] = new CreateOrganizationRequest { RequestId = id, Organization = TestOrganizations.Of("fuzz-new", OrganizationKind.Collectivity, communes: ["14118"], desks: ["D0001"]) },
            ["GetOrganization"] = new GetOrganizationRequest { Name = "organizations/fuzz-other" },
            ["ListOrganizations"] = new ListOrganizationsRequest { PageSize = 1 },
            ["UpdateOrganization"] = new UpdateOrganizationRequest
            {
                RequestId = id,
                Organization = new Organization { Name = "organizations/fuzz-other", DisplayName = "Fuzz other", RegisteringDesks = { "C0001", "C0002" } },
                UpdateMask = new FieldMask { Paths = { "display_name" } },
                ExpectedRevision = 1,
            },
            ["IssueApiKey"] = new IssueApiKeyRequest { RequestId = id, Parent = "organizations/fuzz-other", DisplayName = "erp", ExpireTime = new Timestamp { Seconds = 1_900_000_000 } },
            ["RevokeApiKey"] = new RevokeApiKeyRequest { RequestId = id, Name = otherKey },
            ["ListApiKeys"] = new ListApiKeysRequest { Parent = "organizations/fuzz-other" },
            ["ListAuditRecords"] = new ListAuditRecordsRequest { Application = first, PageSize = 5 },
            ["Subscribe"] = new SubscribeRequest { SubscriptionId = "fuzz", HeartbeatInterval = new Duration { Seconds = 1 }, Departements = { "14" } },
            ["Acknowledge"] = new AcknowledgeRequest { SubscriptionId = "fuzz", ChangeSeq = 1 },
            ["GetSubscription"] = new GetSubscriptionRequest { SubscriptionId = "fuzz" },
            ["FindMatches"] = new FindMatchesRequest { Person = TestApplications.Valid("Martin").Applicant, Departement = "14" },
            ["ListReviewItems"] = new ListReviewItemsRequest { Departement = "14", PageSize = 5 },
            ["ResolveReviewItem"] = new ResolveReviewItemRequest { RequestId = id, Name = "reviewItems/1", Decision = ReviewItemState.DifferentHouseholds },
            ["UnmergeApplication"] = new UnmergeApplicationRequest { RequestId = id, Name = first, ExpectedRevision = 2 },
            ["ProposeCandidate"] = new ProposeCandidateRequest
            {
                RequestId = id,
                Parent = second,
                ExpectedRevision = 1,
                Proposal = new Proposal { DwellingId = "RPLS14118A002", CommuneCode = "14118", Typology = Typology.T2, ReservationHolder = ReservationHolder.LocalAuthority },
            },
            ["RecordCalDecision"] = new RecordCalDecisionRequest
            {
                RequestId = id, Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
                Decision = new CalDecision { Outcome = CalOutcome.RankedAttribution, Rank = 1, DecisionDate = today },
            },
            ["RecordOffer"] = new RecordOfferRequest
            {
                RequestId = id, Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision + 1,
                Offer = new Offer { OfferDate = today, ResponseDeadline = deadline },
            },
            ["RecordOfferResponse"] = new RecordOfferResponseRequest
            {
                RequestId = id, Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision + 2, Answer = OfferAnswer.Refused, AnswerDate = today, RefusalReason = "Trop loin",
            },
            ["RecordLeaseSigned"] = new RecordLeaseSignedRequest
            {
                RequestId = id, Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision + 3,
                Lease = new Lease { LeaseDate = today, Dalo = true, CollectiveAgreement = CollectiveAgreement.Intercommunal, ReservationHolder = ReservationHolder.PrefectPriority },
            },
            ["GetProposal"] = new GetProposalRequest { Name = proposal.Name },
            ["ListProposals"] = new ListProposalsRequest { Parent = first, PageSize = 1 },
        };
    }
}
