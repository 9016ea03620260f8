using Interop.Contracts.V1;

namespace Interop.NationalExchange.Mapping;

/// <summary>The SNE codes of the contract enums (protos/README.md, "Code lists and their SNE codes"); null for a value the national list has no code for.</summary>
internal static class SneCodes
{
    public static string? Of(Typology typology) => typology switch
    {
        Typology.Room => "C",
        Typology.T1 => "T1",
        Typology.T2 => "T2",
        Typology.T3 => "T3",
        Typology.T4 => "T4",
        Typology.T5 => "T5",
        Typology.T6Plus => "T6P",
        _ => null,
    };

    public static string? Of(DwellingCategory category) => category switch
    {
        DwellingCategory.Apartment => "A",
        DwellingCategory.House => "M",
        DwellingCategory.Any => "I",
        _ => null,
    };

    public static string? Of(RadiationReason reason) => reason switch
    {
        RadiationReason.Attribution => "RADATT",
        RadiationReason.Renunciation => "RADABA",
        RadiationReason.NoAnswer => "RADCON",
        RadiationReason.Inadmissibility => "RADIRR",
        RadiationReason.NotRenewed => "RADREN",
        _ => null,
    };

    public static string? Of(InadmissibilityReason reason) => reason switch
    {
        InadmissibilityReason.IncomeAboveCeiling => "IRRRES",
        InadmissibilityReason.IrregularResidence => "IRRSEJ",
        _ => null,
    };
}
