using Google.Protobuf.WellKnownTypes;
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
/// Drives a hub through a random history from a seed: registrations of random households, updates of what the
/// indicators count (communes wished, household, current housing, priority), renewals, renunciations,
/// reactivations, attribution paths ending in a lease or a refusal, the renewal and erasure sweeps, the clock
/// jumping forward a few days to a few weeks, and the projection catching up at random moments.
/// </summary>
internal sealed class RandomHistory(HubHost hub, int seed)
{
    private static readonly string[] Communes = ["14118", "14327", "14341", "14366"];

    private readonly Random random = new(seed);
    private readonly RegistryService.RegistryServiceClient registry = new(hub.Calls);
    private readonly AttributionService.AttributionServiceClient attributions = new(hub.Calls);
    private readonly List<Application> applications = [];

    private ProjectionRunner Projections => hub.Services.GetRequiredService<ProjectionRunner>();

    public async Task RunAsync(int steps)
    {
        for (var step = 0; step < steps; step++)
        {
            hub.Clock.Advance(TimeSpan.FromDays(random.Next(1, 25)));
            var action = applications.Count < 5 ? 0 : random.Next(10);
            try
            {
                await (action switch
                {
                    0 or 1 => RegisterAsync(),
                    2 => UpdateAsync(Pick()),
                    3 => RenewAsync(Pick()),
                    4 => RadiateAsync(Pick()),
                    5 => ReactivateAsync(Pick()),
                    6 => AttributeAsync(Pick(), lease: true),
                    7 => AttributeAsync(Pick(), lease: false),
                    8 => hub.Services.GetRequiredService<RenewalSweep>().RunOnceAsync(CancellationToken.None),
                    _ => hub.Services.GetRequiredService<ErasureSweep>().RunOnceAsync(CancellationToken.None),
                });
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.FailedPrecondition)
            {
                // A step the application's state does not allow (renewal outside its window, a radiated one
                // proposed): the history goes on without it, as a real ERP's would.
            }

            if (random.Next(4) == 0)
            {
                await Projections.CatchUpAsync(CancellationToken.None);
            }
        }
    }

    private int Pick() => random.Next(applications.Count);

    private Date Today()
    {
        var today = Core.Time.FrenchCalendar.Today(hub.Clock);
        return new Date { Year = today.Year, Month = today.Month, Day = today.Day };
    }

    private async Task RegisterAsync()
    {
        var application = TestApplications.Valid();
        Household(application);
        applications.Add((await registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application);
    }

    private void Household(Application application)
    {
        var template = TestApplications.Valid(application.Applicant.LastName).HouseholdMembers[0];
        application.HouseholdMembers.Clear();
        var members = random.Next(4);
        for (var i = 0; i < members; i++)
        {
            var member = template.Clone();
            member.FirstNames[0] = "Enfant" + (char)('A' + i);
            application.HouseholdMembers.Add(member);
        }

        application.FamilySituation = members == 0 ? FamilySituation.Single : FamilySituation.Separated;
        application.CurrentHousing = random.Next(3) == 0 ? HousingSituation.SocialTenant : HousingSituation.PrivateTenant;
        application.Priority = new Priority { DaloStatus = random.Next(5) == 0 ? DaloStatus.Active : DaloStatus.None, PriorityPublic = random.Next(6) == 0 };
        application.Wishes.CommuneCodes.Clear();
        application.Wishes.CommuneCodes.AddRange(Communes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)));
    }

    private async Task UpdateAsync(int index)
    {
        var current = await FreshAsync(index);
        if (current.Applicant is null)
        {
            // Erased: nothing left to update.
            return;
        }

        var changed = current.Clone();
        Household(changed);
        applications[index] = await registry.UpdateApplicationAsync(new UpdateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Application = changed,
            UpdateMask = FieldMask.FromString("household_members,family_situation,current_housing,priority,wishes"),
            ExpectedRevision = current.Revision,
        });
    }

    private async Task RenewAsync(int index) =>
        applications[index] = await registry.RenewApplicationAsync(new RenewApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = applications[index].Name, ExpectedRevision = (await FreshAsync(index)).Revision,
        });

    private async Task RadiateAsync(int index) =>
        applications[index] = await registry.RadiateApplicationAsync(new RadiateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = applications[index].Name, ExpectedRevision = (await FreshAsync(index)).Revision,
            Reason = RadiationReason.Renunciation,
        });

    private async Task ReactivateAsync(int index) =>
        applications[index] = await registry.ReactivateApplicationAsync(new ReactivateApplicationRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = applications[index].Name, ExpectedRevision = (await FreshAsync(index)).Revision,
        });

    private async Task AttributeAsync(int index, bool lease)
    {
        var application = await FreshAsync(index);
        var proposal = await attributions.ProposeCandidateAsync(new ProposeCandidateRequest
        {
            RequestId = Guid.NewGuid().ToString(),
            Parent = application.Name,
            ExpectedRevision = application.Revision,
            Proposal = new Proposal { DwellingId = "RPLS" + Guid.NewGuid().ToString("N")[..10], CommuneCode = "14118", Typology = Typology.T3, ReservationHolder = ReservationHolder.LocalAuthority },
        });
        proposal = await attributions.RecordCalDecisionAsync(new RecordCalDecisionRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Decision = new CalDecision { Outcome = CalOutcome.RankedAttribution, Rank = 1, DecisionDate = Today() },
        });
        var deadline = Core.Time.FrenchCalendar.Today(hub.Clock).AddDays(10);
        proposal = await attributions.RecordOfferAsync(new RecordOfferRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Offer = new Offer { OfferDate = Today(), ResponseDeadline = new Date { Year = deadline.Year, Month = deadline.Month, Day = deadline.Day } },
        });
        proposal = await attributions.RecordOfferResponseAsync(new RecordOfferResponseRequest
        {
            RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
            Answer = lease ? OfferAnswer.Accepted : OfferAnswer.Refused, AnswerDate = Today(), RefusalReason = lease ? "" : "Trop petit",
        });
        if (lease)
        {
            var holders = new[] { ReservationHolder.LocalAuthority, ReservationHolder.Employers, ReservationHolder.PrefectPriority, ReservationHolder.None };
            await attributions.RecordLeaseSignedAsync(new RecordLeaseSignedRequest
            {
                RequestId = Guid.NewGuid().ToString(), Name = proposal.Name, ExpectedRevision = proposal.ApplicationRevision,
                Lease = new Lease { LeaseDate = Today(), Dalo = random.Next(4) == 0, CollectiveAgreement = CollectiveAgreement.None, ReservationHolder = holders[random.Next(holders.Length)] },
            });
        }

        await FreshAsync(index);
    }

    // Sweeps and attribution steps move applications behind this driver's back: read the revision first.
    private async Task<Application> FreshAsync(int index) =>
        applications[index] = await registry.GetApplicationAsync(new GetApplicationRequest { Name = applications[index].Name });
}
