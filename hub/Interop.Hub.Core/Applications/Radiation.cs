namespace Interop.Hub.Core.Applications;

/// <summary>Why and when an application was struck off.</summary>
public sealed record Radiation(
    RadiationReason Reason,
    DateOnly Date,
    DateOnly? WarningLetterDate = null,
    InadmissibilityReason InadmissibilityReason = InadmissibilityReason.Unspecified);
