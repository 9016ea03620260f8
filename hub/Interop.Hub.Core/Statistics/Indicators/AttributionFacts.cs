namespace Interop.Hub.Core.Statistics.Indicators;

/// <summary>
/// What an attribution step's change details say (no personal data): the
/// proposal's state after the step and, once a lease is signed, its
/// reservation holder (SNE code) and whether it rehoused a DALO household.
/// </summary>
public sealed record AttributionFacts(string? ProposalState, string? ReservationHolderCode, bool Dalo);
