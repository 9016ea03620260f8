namespace Interop.Hub.Core.Attributions;

/// <summary>The decisions a CAL may take per candidate (R441-3 CCH, domain §4.2 a–e). Mirrors the contract.</summary>
public enum CalOutcome
{
    Unspecified = 0,
    Attribution = 1,
    RankedAttribution = 2,
    ConditionalAttribution = 3,
    NonAttribution = 4,
    Inadmissibility = 5,
}
