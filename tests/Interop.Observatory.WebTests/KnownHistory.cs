using Interop.Contracts.V1;
using Interop.Hub.Projections;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace Interop.Observatory.WebTests;

/// <summary>
/// The data the report is checked against, written through the API on a fake clock, in the
/// Calvados (14), every household wishing 14118 and 14327:
/// <list type="bullet">
/// <item>2024-02-01: 12 single parents with one child (need a T3) and 9 single persons (T1 or T2);</item>
/// <item>2024-09-02: 6 households of four (T4);</item>
/// <item>2025-03-03: 8 more single parents; 5 single persons renounce (RADABA);</item>
/// <item>2025-06-02: 6 single parents of 2024 sign a lease (attributions to DALO households, RADATT).</item>
/// </list>
/// What follows, by hand: active at the end of 2024, 27 (T1/T2 9, T3 12, T4 6), seniorities 21 × 10
/// months and 6 × 3 (mean 228 / 27 = 8.44, median 10; 6 under 6 months, 21 from 6 to 12). At the
/// end of 2025, 24 (T1/T2 4, T3 14, T4 6): the 4 is below the threshold of 5 and the total would
/// give it back, so the next smallest cell of the row (T4's 6) is suppressed too; seniorities
/// 10 × 22 months, 6 × 15, 8 × 9 (mean 382 / 24 = 15.92, median 15; 8 from 6 to 12 months,
/// 16 from 12 to 24). 2025's flows: 8 new, 11 radiations (5 RADABA, 6 RADATT), 6 attributions,
/// all T3, 16 months after filing, 100 % priority; pressure 24 / 6 = 4, of T3 14 / 6 = 2.33,
/// whose imbalance is 2.33 / 4 = 0.58. No transfer (every household rents privately), no refusal.
/// </summary>
public static class KnownHistory
{
    public static readonly DateTimeOffset Start = new(2024, 2, 1, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary>The clock once the history is written: every period of 2024 and 2025 is over.</summary>
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 0, 0, TimeSpan.FromHours(1));

    public static async Task WriteAsync(HubHost hub)
    {
        var registry = new RegistryService.RegistryServiceClient(hub.Calls);
        var attributions = new AttributionService.AttributionServiceClient(hub.Calls);
        var singleParents = new List<Application>();
        var singles = new List<Application>();

        for (var i = 0; i < 12; i++)
        {
            singleParents.Add(await RegisterAsync(registry, TestApplications.Valid()));
        }

        for (var i = 0; i < 9; i++)
        {
            var single = TestApplications.Valid();
            single.HouseholdMembers.Clear();
            single.FamilySituation = FamilySituation.Single;
            single.Wishes.Typologies[0] = Typology.T1;
            singles.Add(await RegisterAsync(registry, single));
        }

        hub.Clock.SetUtcNow(new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.FromHours(2)));
        for (var i = 0; i < 6; i++)
        {
            var four = TestApplications.Valid();
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, "Zoé", 2017));
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, "Jules", 2019));
            four.Wishes.Typologies[0] = Typology.T4;
            await RegisterAsync(registry, four);
        }

        hub.Clock.SetUtcNow(new DateTimeOffset(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(1)));
        for (var i = 0; i < 8; i++)
        {
            await RegisterAsync(registry, TestApplications.Valid());
        }

        foreach (var single in singles.Take(5))
        {
            await registry.RadiateApplicationAsync(new RadiateApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = single.Name, ExpectedRevision = single.Revision, Reason = RadiationReason.Renunciation,
            });
        }

        hub.Clock.SetUtcNow(new DateTimeOffset(2025, 6, 2, 10, 0, 0, TimeSpan.FromHours(2)));
        var today = new Date { Year = 2025, Month = 6, Day = 2 };
        for (var i = 0; i < 6; i++)
        {
            await AttributeAsync(attributions, singleParents[i], $"RPLS14118A00{i + 1}", today);
        }

        hub.Clock.SetUtcNow(Now);
        // The indicators are kept from the change log in the background: wait until they count every change.
        await hub.Services.GetRequiredService<ProjectionRunner>().CatchUpAsync(CancellationToken.None);
    }

    private static async Task<Application> RegisterAsync(RegistryService.RegistryServiceClient registry, Application application) =>
        (await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;

    // The landlord's ERP reports the whole path: proposal, CAL decision, offer, acceptance, lease.
    private static async Task AttributeAsync(AttributionService.AttributionServiceClient client, Application application, string dwelling, Date today)
    {
        var proposal = await client.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = application.Name,
            ExpectedRevision = application.Revision,
            Proposal = new Proposal { DwellingId = dwelling, CommuneCode = "14118", Typology = Typology.T3, ReservationHolder = ReservationHolder.PrefectPriority },
        });
        proposal = await client.RecordCalDecisionAsync(new RecordCalDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Decision = new CalDecision { Outcome = CalOutcome.RankedAttribution, Rank = 1, DecisionDate = today },
        });
        proposal = await client.RecordOfferAsync(new RecordOfferRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Offer = new Offer { OfferDate = today, ResponseDeadline = new Date { Year = today.Year, Month = today.Month, Day = today.Day + 10 } },
        });
        proposal = await client.RecordOfferResponseAsync(new RecordOfferResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Answer = OfferAnswer.Accepted, AnswerDate = today,
        });
        var leased = await client.RecordLeaseSignedAsync(new RecordLeaseSignedRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Lease = new Lease { LeaseDate = today, Dalo = true, CollectiveAgreement = CollectiveAgreement.Intercommunal, ReservationHolder = ReservationHolder.PrefectPriority },
        });
        if (leased.State != ProposalState.LeaseSigned)
        {
            throw new InvalidOperationException($"{application.Name}: the lease left the proposal {leased.State}");
        }
    }

    private static HouseholdMember Child(string lastName, string firstName, int year) => new()
    {
        LastName = lastName,
        FirstNames = { firstName },
        Sex = Sex.Female,
        BirthDate = new Date { Year = year, Month = 5, Day = 3 },
        Relationship = Relationship.Child,
    };
}
