using Grpc.Core;
using Interop.Contracts.V1;
using Interop.Hub.Tests.Attributions;
using Interop.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Interop.Hub.Tests.Cotation.CotationCalls;

namespace Interop.Hub.Tests.Cotation;

/// <summary>
/// The applicant's position and expected wait against a hand-computed attribution history, over a real
/// hub whose clock starts on 2026-03-10 and is moved by hand.
/// </summary>
public sealed class CotationOutlookTests : IAsyncLifetime
{
    private HubHost hub = null!;
    private CotationService.CotationServiceClient epci = null!;
    private CotationService.CotationServiceClient landlord = null!;
    private AttributionCalls attributions = null!;

    public async Task InitializeAsync()
    {
        hub = await HubHost.StartAsync("cotation-outlook");
        var collectivity = TestOrganizations.Of("caen-la-mer", OrganizationKind.Collectivity, departements: ["14"], communes: ["14118", "14327"]);
        epci = CotationClient(await HubAccess.JoinAsync(hub.Channel, collectivity));
        landlord = CotationClient(hub.Calls);
        attributions = new AttributionCalls(hub.Calls);
        await CotationClient(hub.Admin).GrantGridOwnershipAsync(Grant("caen-la-mer"));
        await epci.PublishGridVersionAsync(Publish(GridJson()));
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private async Task<Application> RegisterAsync(Action<Application>? change = null)
    {
        var application = TestApplications.Valid();
        change?.Invoke(application);
        return (await attributions.Registry.CreateApplicationAsync(TestApplications.Create(application: application))).Application;
    }

    private async Task<Application> RegisterValidatedViolenceAsync()
    {
        var application = await RegisterAsync(a => a.ReasonCodes[0] = "06");
        await epci.RecordCriterionValidationAsync(Validate(application.Name, "travailleur social", On(2026, 3, 10)));
        return application;
    }

    /// <summary>Walks the application to a signed lease today, for a T3 in Caen (14118).</summary>
    private async Task SignLeaseTodayAsync(Application application, string dwelling)
    {
        var today = DateOnly.FromDateTime(hub.Clock.GetUtcNow().UtcDateTime);
        var current = await attributions.GetAsync(application.Name);
        var accepted = await attributions.UpToAcceptedOfferAsync(application.Name, current.Revision, On(today.Year, today.Month, today.Day), dwelling);
        await attributions.Client.RecordLeaseSignedAsync(AttributionCalls.Lease(accepted, accepted.ApplicationRevision, On(today.Year, today.Month, today.Day)));
    }

    [Fact]
    public async Task GetApplicantOutlook_AveragesTheWaitOfSimilarAttributions_AndPlacesTheApplicantAmongSimilarActiveOnes()
    {
        // All filed on 2026-03-10. Single parents score 5, plus 1 a month; a validated violence adds 30.
        var attributedEarly = await RegisterAsync();
        var attributedLate = await RegisterAsync();
        var attributedOutOfBand = await RegisterValidatedViolenceAsync();
        var applicant = await RegisterAsync();
        _ = await RegisterValidatedViolenceAsync();
        _ = await RegisterAsync();
        _ = await RegisterAsync(a => a.Wishes.Typologies[0] = Typology.T2);

        hub.Clock.Advance(TimeSpan.FromDays(91));
        await SignLeaseTodayAsync(attributedEarly, "RPLS14118A001");
        await SignLeaseTodayAsync(attributedOutOfBand, "RPLS14118A002");
        hub.Clock.Advance(TimeSpan.FromDays(59));
        await SignLeaseTodayAsync(attributedLate, "RPLS14118A003");
        await CatchUpAsync(hub);

        // Five months passed: the other stored scores no longer serve today until the periodic refresh
        // rescores them. Meanwhile the position leaves them out and says so, rather than count stale totals.
        var beforeRefresh = await landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = applicant.Name, Grid = Grid });
        Assert.Equal((1, 1, 2), (beforeRefresh.Position, beforeRefresh.SimilarActiveCount, beforeRefresh.PendingRescoringCount));
        await hub.Services.GetRequiredService<Interop.Hub.Cotation.ScoreRefresh>().RefreshAllAsync(CancellationToken.None);

        var outlook = await landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = applicant.Name, Grid = Grid });

        // On 2026-08-07 the applicant has 5 + 4 months = 9: band 4 to 14. Leased on 2026-06-09 with 5 + 2 = 7
        // after 91 days, and on 2026-08-07 with 9 after 150 days; the violence one (37) is out of the band.
        Assert.Equal(("9", "4", "14", Typology.T3), (outlook.Score.Total, outlook.BandLow, outlook.BandHigh, outlook.Typology));
        Assert.Equal(On(2025, 8, 8), outlook.WindowStartDate);
        Assert.Equal((2, true, 121), (outlook.SimilarAttributionCount, outlook.HasAverageWaitDays, outlook.AverageWaitDays));
        // Ahead: the validated violence (39); the other single parent of the same day has a later number; the T2 is not similar.
        Assert.Equal((2, 3, 0), (outlook.Position, outlook.SimilarActiveCount, outlook.PendingRescoringCount));
    }

    [Fact]
    public async Task GetApplicantOutlook_WithoutAnyAttribution_LeavesTheWaitUnset()
    {
        var applicant = await RegisterAsync();
        await CatchUpAsync(hub);

        var outlook = await landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = applicant.Name, Grid = Grid, Typology = Typology.T3 });

        Assert.Equal((0, false, 1, 1), (outlook.SimilarAttributionCount, outlook.HasAverageWaitDays, outlook.Position, outlook.SimilarActiveCount));
    }

    [Fact]
    public async Task GetApplicantOutlook_ForATypologyTheApplicationDoesNotWish_IsAnInvalidArgument()
    {
        var applicant = await RegisterAsync();

        var status = await RpcAssert.FailsAsync(
            StatusCode.InvalidArgument,
            () => landlord.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = applicant.Name, Grid = Grid, Typology = Typology.T5 }).ResponseAsync);

        Assert.Equal("typology", Assert.Single(status.GetDetail<Google.Rpc.BadRequest>().FieldViolations).Field);
    }

    [Fact]
    public async Task GetApplicantOutlook_OfAnApplicationTheCallerMayNotRead_IsDenied()
    {
        var applicant = await RegisterAsync();
        var stranger = CotationClient(await HubAccess.JoinAsync(hub.Channel, TestOrganizations.Of("landlord-orne", OrganizationKind.Landlord, stock: ["61001"])));

        await RpcAssert.FailsAsync(
            StatusCode.PermissionDenied, () => stranger.GetApplicantOutlookAsync(new GetApplicantOutlookRequest { Application = applicant.Name, Grid = Grid }).ResponseAsync);
    }
}
