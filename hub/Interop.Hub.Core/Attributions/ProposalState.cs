namespace Interop.Hub.Core.Attributions;

/// <summary>
/// The step a proposal has reached (domain §4.2–4.3). Numeric values mirror
/// the contract's <c>ProposalState</c>, so mapping is a cast.
/// </summary>
public enum ProposalState
{
    Unspecified = 0,
    Proposed = 1,
    Attributed = 2,
    NotAttributed = 3,
    RejectedInadmissible = 4,
    Offered = 5,
    OfferAccepted = 6,
    OfferRefused = 7,
    LeaseSigned = 8,
}
