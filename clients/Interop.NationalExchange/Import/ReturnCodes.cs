using Interop.Contracts.V1;

namespace Interop.NationalExchange.Import;

/// <summary>The national codes of a return file as the contract's enums (the reverse of Mapping/SneCodes).</summary>
internal static class ReturnCodes
{
    public static RadiationReason Reason(string motif) => motif switch
    {
        "RADATT" => RadiationReason.Attribution,
        "RADABA" => RadiationReason.Renunciation,
        "RADCON" => RadiationReason.NoAnswer,
        "RADIRR" => RadiationReason.Inadmissibility,
        "RADREN" => RadiationReason.NotRenewed,
        _ => throw new InvalidDataException($"Unknown radiation code {motif}: the return schema lists them all."),
    };

    public static InadmissibilityReason SubReason(string? sousMotif) => sousMotif switch
    {
        "IRRRES" => InadmissibilityReason.IncomeAboveCeiling,
        "IRRSEJ" => InadmissibilityReason.IrregularResidence,
        _ => InadmissibilityReason.Unspecified,
    };

    public static DaloStatus Dalo(string statut) => statut switch
    {
        "NON" => DaloStatus.None,
        "ACTIF" => DaloStatus.Active,
        "CADUC" => DaloStatus.Lapsed,
        "ACTREL" => DaloStatus.Rehoused,
        _ => throw new InvalidDataException($"Unknown DALO status {statut}: the return schema lists them all."),
    };
}
