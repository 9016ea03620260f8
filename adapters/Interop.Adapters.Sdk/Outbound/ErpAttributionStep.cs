namespace Interop.Adapters.Sdk.Outbound;

/// <summary>How far an attribution decided in the ERP went; each step implies the ones before it.</summary>
public enum ErpAttributionStep
{
    /// <summary>The CAL attributed the dwelling to the household (<c>ProposeCandidate</c>, then <c>RecordCalDecision</c> with <c>CAL_OUTCOME_ATTRIBUTION</c>).</summary>
    Attributed = 1,

    /// <summary>The dwelling was offered to the household (<c>RecordOffer</c>).</summary>
    Offered = 2,

    /// <summary>The household accepted the offer (<c>RecordOfferResponse</c> with <c>OFFER_ANSWER_ACCEPTED</c>).</summary>
    Accepted = 3,

    /// <summary>The lease is signed (<c>RecordLeaseSigned</c>): the hub radiates the application for attribution everywhere.</summary>
    LeaseSigned = 4,
}
