namespace Interop.Hub.Core.Applications;

/// <summary>The SNE codes of the national interface for the values the registry stores.</summary>
public static class SneCodes
{
    private static readonly Dictionary<RadiationReason, string> RadiationCodes = new()
    {
        [RadiationReason.Attribution] = "RADATT",
        [RadiationReason.Renunciation] = "RADABA",
        [RadiationReason.NoAnswer] = "RADCON",
        [RadiationReason.Inadmissibility] = "RADIRR",
        [RadiationReason.NotRenewed] = "RADREN",
    };

    private static readonly Dictionary<InadmissibilityReason, string> InadmissibilityCodes = new()
    {
        [InadmissibilityReason.IncomeAboveCeiling] = "IRRRES",
        [InadmissibilityReason.IrregularResidence] = "IRRSEJ",
    };

    public static string Of(RadiationReason reason) => RadiationCodes[reason];

    public static string Of(InadmissibilityReason reason) => InadmissibilityCodes[reason];

    public static RadiationReason RadiationReasonOf(string code) =>
        RadiationCodes.Single(pair => pair.Value == code).Key;

    public static InadmissibilityReason InadmissibilityReasonOf(string code) =>
        InadmissibilityCodes.Single(pair => pair.Value == code).Key;
}
