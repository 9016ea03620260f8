using Interop.Hub.Core.Access;
using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Errors;
using Interop.Hub.Core.Lifecycle;

namespace Interop.Hub.Core.Tests.Attributions;

public class AttributionPathTests
{
    private const string Number = "014240314ABCDE00017";
    private const string LandlordA = "landlord-a";
    private const string LandlordB = "landlord-b";

    private static readonly DateOnly Today = new(2025, 6, 15);
    private static readonly Candidate Dwelling = new("RPLS0001", "14118", Typology.T3, ReservationHolder.PrefectPriority);

    private static ApplicationRecord Active() =>
        ApplicationLifecycle.Register(Number, TestHouseholds.Departement, "14ABC", new DateOnly(2024, 3, 10), TestHouseholds.Valid());

    private static Organization Landlord(string id) => new() { Id = id, DisplayName = id, Kind = OrganizationKind.Landlord };

    private static ProposalRecord Proposed(string landlord = LandlordA) =>
        AttributionPath.Propose(Active(), Landlord(landlord), null, Guid.NewGuid(), Dwelling);

    private static CalDecision Attribution(CalOutcome outcome = CalOutcome.Attribution, int rank = 0) =>
        new(outcome, rank, InadmissibilityReason.Unspecified, new DateOnly(2025, 6, 1), null);

    private static ProposalRecord Attributed() => AttributionPath.Decide(Proposed(), Active(), LandlordA, null, Attribution());

    private static ProposalRecord Offered() =>
        AttributionPath.MakeOffer(Attributed(), Active(), LandlordA, null, new Offer(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 12)));

    private static ProposalRecord Accepted() =>
        AttributionPath.Answer(Offered(), Active(), LandlordA, null, OfferAnswer.Accepted, new DateOnly(2025, 6, 5), null, Today);

    private static readonly Lease SignedLease = new(new DateOnly(2025, 6, 10), true, CollectiveAgreement.Intercommunal, ReservationHolder.PrefectPriority);

    [Fact]
    public void Propose_ByALandlord_StartsProposedForItsDwelling()
    {
        var proposal = Proposed();

        Assert.Equal(ProposalState.Proposed, proposal.State);
        Assert.Equal(LandlordA, proposal.LandlordId);
        Assert.Equal(Dwelling, proposal.Candidate);
    }

    [Fact]
    public void Propose_ByACollectivity_IsRefused()
    {
        var collectivity = new Organization { Id = "caen", DisplayName = "Caen", Kind = OrganizationKind.Collectivity };

        Assert.Throws<PermissionDeniedException>(() => AttributionPath.Propose(Active(), collectivity, null, Guid.NewGuid(), Dwelling));
    }

    [Theory]
    [InlineData(CalOutcome.Attribution, 0, ProposalState.Attributed)]
    [InlineData(CalOutcome.RankedAttribution, 2, ProposalState.Attributed)]
    [InlineData(CalOutcome.ConditionalAttribution, 0, ProposalState.Attributed)]
    [InlineData(CalOutcome.NonAttribution, 0, ProposalState.NotAttributed)]
    public void Decide_EachOutcome_MovesToItsState(CalOutcome outcome, int rank, ProposalState expected)
    {
        var decided = AttributionPath.Decide(Proposed(), Active(), LandlordA, null, Attribution(outcome, rank));

        Assert.Equal(expected, decided.State);
        Assert.Equal(rank, decided.CalDecision!.Rank);
        Assert.Null(decided.InadmissibilityRadiationDue);
    }

    [Fact]
    public void Decide_Inadmissibility_SchedulesTheRadiationOneMonthAfterNotification()
    {
        var decision = new CalDecision(CalOutcome.Inadmissibility, 0, InadmissibilityReason.IrregularResidence, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 3));

        var decided = AttributionPath.Decide(Proposed(), Active(), LandlordA, null, decision);

        Assert.Equal(ProposalState.RejectedInadmissible, decided.State);
        Assert.Equal(new DateOnly(2025, 7, 3), decided.InadmissibilityRadiationDue);
        Assert.False(AttributionPath.IsDueForInadmissibilityRadiation(decided, Active(), new DateOnly(2025, 7, 2)));
        Assert.True(AttributionPath.IsDueForInadmissibilityRadiation(decided, Active(), new DateOnly(2025, 7, 3)));
    }

    [Fact]
    public void Decide_ByAnotherLandlord_IsRefused() =>
        Assert.Throws<PermissionDeniedException>(() => AttributionPath.Decide(Proposed(), Active(), LandlordB, null, Attribution()));

    [Fact]
    public void Decide_Twice_IsAnIllegalTransition()
    {
        var e = Assert.Throws<PreconditionException>(() => AttributionPath.Decide(Attributed(), Active(), LandlordA, null, Attribution()));
        Assert.Equal(ErrorReasons.IllegalTransition, e.Reason);
    }

    [Fact]
    public void MakeOffer_BeforeTheCalDecided_IsAnIllegalTransition()
    {
        var e = Assert.Throws<PreconditionException>(() =>
            AttributionPath.MakeOffer(Proposed(), Active(), LandlordA, null, new Offer(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 12))));
        Assert.Equal(ErrorReasons.IllegalTransition, e.Reason);
    }

    [Fact]
    public void MakeOffer_AfterNonAttribution_IsAnIllegalTransition()
    {
        var refused = AttributionPath.Decide(Proposed(), Active(), LandlordA, null, Attribution(CalOutcome.NonAttribution));

        Assert.Throws<PreconditionException>(() =>
            AttributionPath.MakeOffer(refused, Active(), LandlordA, null, new Offer(new DateOnly(2025, 6, 2), new DateOnly(2025, 6, 12))));
    }

    [Fact]
    public void MakeOffer_DatedBeforeTheDecision_NamesTheOfferDate()
    {
        var e = Assert.Throws<ValidationException>(() =>
            AttributionPath.MakeOffer(Attributed(), Active(), LandlordA, null, new Offer(new DateOnly(2025, 5, 30), new DateOnly(2025, 6, 12))));
        Assert.Equal("offer.offer_date", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Answer_AcceptedByTheDeadline_IsAccepted()
    {
        var accepted = Accepted();

        Assert.Equal(ProposalState.OfferAccepted, accepted.State);
        Assert.Equal(new DateOnly(2025, 6, 5), accepted.Offer!.AnswerDate);
    }

    [Fact]
    public void Answer_RefusedWithAReason_KeepsTheReason()
    {
        var refused = AttributionPath.Answer(Offered(), Active(), LandlordA, null, OfferAnswer.Refused, new DateOnly(2025, 6, 5), " Trop loin de l'école ", Today);

        Assert.Equal(ProposalState.OfferRefused, refused.State);
        Assert.Equal("Trop loin de l'école", refused.Offer!.RefusalReason);
    }

    [Fact]
    public void Answer_AcceptedAfterTheDeadline_IsRefusedOnTheAnswerDate()
    {
        var e = Assert.Throws<ValidationException>(() =>
            AttributionPath.Answer(Offered(), Active(), LandlordA, null, OfferAnswer.Accepted, new DateOnly(2025, 6, 13), null, Today));
        Assert.Equal("answer_date", Assert.Single(e.Violations).Field);
    }

    [Fact]
    public void Answer_SilenceOnTheDeadline_IsNotYetARefusal()
    {
        var e = Assert.Throws<PreconditionException>(() =>
            AttributionPath.Answer(Offered(), Active(), LandlordA, null, OfferAnswer.NoAnswer, null, null, new DateOnly(2025, 6, 12)));
        Assert.Contains("2025-06-13", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_SilenceTheDayAfterTheDeadline_CountsAsRefusal()
    {
        var silent = AttributionPath.Answer(Offered(), Active(), LandlordA, null, OfferAnswer.NoAnswer, null, null, new DateOnly(2025, 6, 13));

        Assert.Equal(ProposalState.OfferRefused, silent.State);
        Assert.Equal(OfferAnswer.NoAnswer, silent.Offer!.Answer);
    }

    [Fact]
    public void SignLease_AfterAcceptance_RadiatesTheApplicationForAttribution()
    {
        var (proposal, application) = AttributionPath.SignLease(Accepted(), Active(), LandlordA, null, SignedLease, Today);

        Assert.Equal(ProposalState.LeaseSigned, proposal.State);
        Assert.Equal(SignedLease, proposal.Lease);
        Assert.Equal(ApplicationStatus.Radiated, application.Status);
        Assert.Equal(new Radiation(RadiationReason.Attribution, Today), application.Radiation);
    }

    [Fact]
    public void SignLease_WithoutAcceptedOffer_IsAnIllegalTransition() =>
        Assert.Throws<PreconditionException>(() => AttributionPath.SignLease(Offered(), Active(), LandlordA, null, SignedLease, Today));

    [Fact]
    public void SignLease_WhenAnotherLandlordHoldsTheLease_IsAttributedElsewhereNamingIt()
    {
        var housed = Active() with { Status = ApplicationStatus.Radiated, Radiation = new Radiation(RadiationReason.Attribution, Today) };
        var ofB = Accepted() with { LandlordId = LandlordB };

        var e = Assert.Throws<PreconditionException>(() => AttributionPath.SignLease(ofB, housed, LandlordB, LandlordA, SignedLease, Today));

        Assert.Equal(ErrorReasons.AttributedElsewhere, e.Reason);
        Assert.Contains("organizations/" + LandlordA, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Propose_OnAnApplicationRadiatedForRenunciation_IsAnIllegalTransition()
    {
        var gone = Active() with { Status = ApplicationStatus.Radiated, Radiation = new Radiation(RadiationReason.Renunciation, Today) };

        var e = Assert.Throws<PreconditionException>(() => AttributionPath.Propose(gone, Landlord(LandlordA), null, Guid.NewGuid(), Dwelling));
        Assert.Equal(ErrorReasons.IllegalTransition, e.Reason);
    }

    [Fact]
    public void IsDueForInadmissibilityRadiation_ApplicationNoLongerActive_IsFalse()
    {
        var decision = new CalDecision(CalOutcome.Inadmissibility, 0, InadmissibilityReason.IncomeAboveCeiling, new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 1));
        var rejected = AttributionPath.Decide(Proposed(), Active(), LandlordA, null, decision);
        var housed = Active() with { Status = ApplicationStatus.Radiated, Radiation = new Radiation(RadiationReason.Attribution, Today) };

        Assert.False(AttributionPath.IsDueForInadmissibilityRadiation(rejected, housed, new DateOnly(2025, 8, 1)));
    }
}
