using Domain = Interop.Hub.Core.Attributions;
using V1 = Interop.Contracts.V1;

namespace Interop.Hub.Tests.Attributions;

/// <summary>
/// The hub maps the attribution enums between contract and domain by casting
/// their numbers; a value added on one side only, or out of order, would turn
/// one landlord's decision into another silently. These hold the two in step.
/// </summary>
public sealed class AttributionCodesTests
{
    [Fact]
    public void ContractAndDomainEnums_HaveTheSameValuesUnderTheSameNumbers()
    {
        AssertMirrors<V1.ProposalState, Domain.ProposalState>();
        AssertMirrors<V1.ReservationHolder, Domain.ReservationHolder>();
        AssertMirrors<V1.CollectiveAgreement, Domain.CollectiveAgreement>();
        AssertMirrors<V1.CalOutcome, Domain.CalOutcome>();
        AssertMirrors<V1.OfferAnswer, Domain.OfferAnswer>();
    }

    private static void AssertMirrors<TContract, TDomain>()
        where TContract : struct, Enum
        where TDomain : struct, Enum
    {
        var contract = Enum.GetValues<TContract>().Select(v => (Number: Convert.ToInt32(v, null), Name: v.ToString()));
        var domain = Enum.GetValues<TDomain>().Select(v => (Number: Convert.ToInt32(v, null), Name: v.ToString()));
        Assert.Equal(contract, domain);
    }
}
