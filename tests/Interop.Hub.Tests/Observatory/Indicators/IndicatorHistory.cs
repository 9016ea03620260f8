using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Projections;
using Interop.Hub.Renewal;
using Interop.Hub.Retention;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using Date = Google.Type.Date;

namespace Interop.Hub.Tests.Observatory.Indicators;

/// <summary>
/// A hand-computed history of 25 applications over 2024 and 2025 in the
/// Calvados (14), each wishing 14118 and 14327, on a real hub with a fake
/// clock, for the indicators (tests only read it):
/// <list type="bullet">
/// <item>2024-01-15: A1…A10 single parents with one child (need T3), private tenants;
/// F1…F6 households of four (T4), already social tenants (transfers);</item>
/// <item>2024-02-10: S1…S3 single persons (T1/T2), DALO recognised (priority households);</item>
/// <item>2024-06-10: A1 renounces (RADABA);</item>
/// <item>2024-09-10: leases signed for A2 (préfet's priority contingent, DALO) and F1 (local authority);</item>
/// <item>2024-11-05: A3 refuses an offer;</item>
/// <item>2024-12-20: A3…A10 and F2…F5 renew (12);</item>
/// <item>2025-01-20: S1…S3 renew;</item>
/// <item>2025-02-20: the renewal sweep radiates F6, not renewed (RADREN);</item>
/// <item>2025-03-01: N1…N6 single persons (T1/T2), private tenants;</item>
/// <item>2025-04-10: leases signed for S1 (préfet, DALO) and A4…A7 (employers);</item>
/// <item>2025-06-01: A8 renounces;</item>
/// <item>2025-07-15: N1 and N2 refuse offers;</item>
/// <item>2025-10-01: the retention job erases A1, A2 and F1 (radiated over a year before);</item>
/// <item>2025-12-01: A3, A9, A10 and F2…F5 renew (7).</item>
/// </list>
/// The clock stays on 2026-01-10.
/// </summary>
public sealed class IndicatorHistory : IAsyncLifetime
{
    private RegistryService.RegistryServiceClient registry = null!;
    private AttributionService.AttributionServiceClient attributions = null!;

    public HubHost Hub { get; private set; } = null!;

    public Dictionary<string, Application> Applications { get; } = [];

    internal ProjectionRunner Projections => Hub.Services.GetRequiredService<ProjectionRunner>();

    public async Task InitializeAsync()
    {
        Hub = await HubHost.StartAsync("indicators", Paris(2024, 1, 15), httpJson: true);
        registry = new RegistryService.RegistryServiceClient(Hub.Calls);
        attributions = new AttributionService.AttributionServiceClient(Hub.Calls);
        await RegisterAsync("A", 10, () => TestApplications.Valid());
        await RegisterAsync("F", 6, () =>
        {
            var four = TestApplications.Valid();
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, 2017));
            four.HouseholdMembers.Add(Child(four.Applicant.LastName, 2019));
            four.CurrentHousing = HousingSituation.SocialTenant;
            four.Wishes.Typologies[0] = Typology.T4;
            return four;
        });

        await At(2024, 2, 10);
        await RegisterAsync("S", 3, () =>
        {
            var single = Single();
            single.Priority = new Priority { DaloStatus = DaloStatus.Active };
            return single;
        });

        await At(2024, 6, 10);
        await RenounceAsync("A1");

        await At(2024, 9, 10);
        await LeaseAsync("A2", ReservationHolder.PrefectPriority, dalo: true);
        await LeaseAsync("F1", ReservationHolder.LocalAuthority, dalo: false);

        await At(2024, 11, 5);
        await RefuseOfferAsync("A3");

        await At(2024, 12, 20);
        await RenewAsync(["A3", "A4", "A5", "A6", "A7", "A8", "A9", "A10", "F2", "F3", "F4", "F5"]);

        await At(2025, 1, 20);
        await RenewAsync(["S1", "S2", "S3"]);

        await At(2025, 2, 20);
        await Hub.Services.GetRequiredService<RenewalSweep>().RunOnceAsync(CancellationToken.None);

        await At(2025, 3, 1);
        await RegisterAsync("N", 6, Single);

        await At(2025, 4, 10);
        await LeaseAsync("S1", ReservationHolder.PrefectPriority, dalo: true);
        foreach (var name in new[] { "A4", "A5", "A6", "A7" })
        {
            await LeaseAsync(name, ReservationHolder.Employers, dalo: false);
        }

        await At(2025, 6, 1);
        await RenounceAsync("A8");

        await At(2025, 7, 15);
        await RefuseOfferAsync("N1");
        await RefuseOfferAsync("N2");

        await At(2025, 10, 1);
        await Hub.Services.GetRequiredService<ErasureSweep>().RunOnceAsync(CancellationToken.None);

        await At(2025, 12, 1);
        await RenewAsync(["A3", "A9", "A10", "F2", "F3", "F4", "F5"]);

        await At(2026, 1, 10);
        await Projections.CatchUpAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Hub.DisposeAsync();

    public static DateTimeOffset Paris(int year, int month, int day) =>
        new(year, month, day, 10, 0, 0, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris").GetUtcOffset(new DateTime(year, month, day, 10, 0, 0)));

    // Some changes are counted on the way, so the tables are built over several pages, as in production.
    private async Task At(int year, int month, int day)
    {
        await Projections.CatchUpAsync(CancellationToken.None);
        Hub.Clock.SetUtcNow(Paris(year, month, day));
    }

    private static Date Today(DateTimeOffset now) => new() { Year = now.Year, Month = now.Month, Day = now.Day };

    private Date Today() => Today(Hub.Clock.GetUtcNow().ToOffset(TimeSpan.FromHours(1)));

    private async Task RegisterAsync(string prefix, int count, Func<Application> make)
    {
        for (var i = 1; i <= count; i++)
        {
            Applications[prefix + i] = (await registry.CreateApplicationAsync(TestApplications.Create(application: make()))).Application;
        }
    }

    private async Task RenounceAsync(string name) =>
        Applications[name] = await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = Applications[name].Name, ExpectedRevision = Applications[name].Revision, Reason = RadiationReason.Renunciation,
        });

    private async Task RenewAsync(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            Applications[name] = await registry.RenewApplicationAsync(new RenewApplicationRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = Applications[name].Name, ExpectedRevision = Applications[name].Revision,
            });
        }
    }

    private async Task<Proposal> OfferAsync(string name)
    {
        var application = Applications[name];
        var proposal = await attributions.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = application.Name,
            ExpectedRevision = application.Revision,
            Proposal = new Proposal { DwellingId = "RPLS14118" + name, CommuneCode = "14118", Typology = Typology.T3, ReservationHolder = ReservationHolder.LocalAuthority },
        });
        proposal = await attributions.RecordCalDecisionAsync(new RecordCalDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Decision = new CalDecision { Outcome = CalOutcome.RankedAttribution, Rank = 1, DecisionDate = Today() },
        });
        var deadline = Hub.Clock.GetUtcNow().AddDays(10);
        return await attributions.RecordOfferAsync(new RecordOfferRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Offer = new Offer { OfferDate = Today(), ResponseDeadline = Today(deadline) },
        });
    }

    private async Task RefuseOfferAsync(string name)
    {
        var offered = await OfferAsync(name);
        var refused = await attributions.RecordOfferResponseAsync(new RecordOfferResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = offered.Name, ExpectedRevision = offered.ApplicationRevision,
            Answer = OfferAnswer.Refused, AnswerDate = Today(), RefusalReason = "Trop loin du travail",
        });
        Applications[name] = await registry.GetApplicationAsync(new GetApplicationRequest { Name = Applications[name].Name });
        Assert.Equal(ProposalState.OfferRefused, refused.State);
    }

    private async Task LeaseAsync(string name, ReservationHolder holder, bool dalo)
    {
        var offered = await OfferAsync(name);
        var accepted = await attributions.RecordOfferResponseAsync(new RecordOfferResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = offered.Name, ExpectedRevision = offered.ApplicationRevision,
            Answer = OfferAnswer.Accepted, AnswerDate = Today(),
        });
        var leased = await attributions.RecordLeaseSignedAsync(new RecordLeaseSignedRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = accepted.Name, ExpectedRevision = accepted.ApplicationRevision,
            Lease = new Lease { LeaseDate = Today(), Dalo = dalo, CollectiveAgreement = CollectiveAgreement.Intercommunal, ReservationHolder = holder },
        });
        Assert.Equal(ProposalState.LeaseSigned, leased.State);
        Applications[name] = await registry.GetApplicationAsync(new GetApplicationRequest { Name = Applications[name].Name });
    }

    private static Application Single()
    {
        var single = TestApplications.Valid();
        single.HouseholdMembers.Clear();
        single.FamilySituation = FamilySituation.Single;
        single.Wishes.Typologies[0] = Typology.T1;
        return single;
    }

    private static HouseholdMember Child(string lastName, int year) => new()
    {
        LastName = lastName,
        FirstNames = { "Zoé" },
        Sex = Sex.Female,
        BirthDate = new Date { Year = year, Month = 5, Day = 3 },
        Relationship = Relationship.Child,
    };
}
