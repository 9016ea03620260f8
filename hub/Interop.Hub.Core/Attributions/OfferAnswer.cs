namespace Interop.Hub.Core.Attributions;

/// <summary>The household's answer to an offer. Mirrors the contract.</summary>
public enum OfferAnswer
{
    Unspecified = 0,
    Accepted = 1,
    Refused = 2,

    /// <summary>No answer by the deadline: a refusal under R441-10 CCH.</summary>
    NoAnswer = 3,
}
