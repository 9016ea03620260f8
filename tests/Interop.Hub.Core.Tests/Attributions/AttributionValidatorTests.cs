using Interop.Hub.Core.Applications;
using Interop.Hub.Core.Attributions;
using Interop.Hub.Core.Validation;

namespace Interop.Hub.Core.Tests.Attributions;

public class AttributionValidatorTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [Fact]
    public void Offer_DeadlineTenDaysAfter_IsAccepted()
    {
        var v = new Violations();

        var offer = AttributionValidator.Offer(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 11), Today, v);

        Assert.False(v.Any);
        Assert.Equal(new DateOnly(2025, 6, 11), offer!.ResponseDeadline);
    }

    [Fact]
    public void Offer_DeadlineNineDaysAfter_NamesTheDeadlineAndTheFirstAllowedDay()
    {
        var v = new Violations();

        AttributionValidator.Offer(new DateOnly(2025, 6, 1), new DateOnly(2025, 6, 10), Today, v);

        var violation = Assert.Single(v.All);
        Assert.Equal("offer.response_deadline", violation.Field);
        Assert.Contains("2025-06-11", violation.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Decision_Inadmissibility_RequiresSubReasonAndNotification()
    {
        var v = new Violations();

        AttributionValidator.Decision(CalOutcome.Inadmissibility, 0, InadmissibilityReason.Unspecified, new DateOnly(2025, 6, 1), null, Today, v);

        Assert.Equal(["decision.inadmissibility_reason", "decision.notification_date"], v.All.Select(x => x.Field));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Decision_RankedOutsideOneToThree_NamesTheRank(int rank)
    {
        var v = new Violations();

        AttributionValidator.Decision(CalOutcome.RankedAttribution, rank, InadmissibilityReason.Unspecified, new DateOnly(2025, 6, 1), null, Today, v);

        Assert.Equal("decision.rank", Assert.Single(v.All).Field);
    }

    [Fact]
    public void Decision_InTheFuture_NamesTheDecisionDate()
    {
        var v = new Violations();

        AttributionValidator.Decision(CalOutcome.Attribution, 0, InadmissibilityReason.Unspecified, Today.AddDays(1), null, Today, v);

        Assert.Equal("decision.decision_date", Assert.Single(v.All).Field);
    }

    [Fact]
    public void Answer_RefusedWithoutReason_NamesTheReason()
    {
        var v = new Violations();

        AttributionValidator.Answer(OfferAnswer.Refused, Today, "  ", Today, v);

        Assert.Equal("refusal_reason", Assert.Single(v.All).Field);
    }

    [Fact]
    public void Lease_WithoutAgreementNorHolder_NamesBoth()
    {
        var v = new Violations();

        AttributionValidator.Lease(Today, false, CollectiveAgreement.Unspecified, ReservationHolder.Unspecified, Today, v);

        Assert.Equal(["lease.collective_agreement", "lease.reservation_holder"], v.All.Select(x => x.Field));
    }

    [Fact]
    public void Candidate_WithAMalformedCommune_NamesIt()
    {
        var v = new Violations();

        AttributionValidator.Candidate("RPLS0001", "1411", Typology.T2, ReservationHolder.None, "proposal", v);

        Assert.Equal("proposal.commune_code", Assert.Single(v.All).Field);
    }

    [Fact]
    public void SneCodes_EveryHolderAndAgreement_HasItsCode()
    {
        Assert.Equal(
            ["COLTER", "COLACT", "PPRIOR", "PFONCT", "AUTRES", "AUCUN"],
            Enum.GetValues<ReservationHolder>().Skip(1).Select(AttributionSneCodes.Of));
        Assert.Equal(
            ["ACD", "ACI", "AUCUN", "NONDOC"],
            Enum.GetValues<CollectiveAgreement>().Skip(1).Select(AttributionSneCodes.Of));
    }
}
