namespace Interop.Hub.Core.Access;

/// <summary>Where an organisation acts: départements and communes (INSEE codes), and the EPCIs they stand for.</summary>
public sealed record Territory
{
    public IReadOnlyList<string> Departements { get; init; } = [];

    public IReadOnlyList<string> CommuneCodes { get; init; } = [];

    /// <summary>SIREN codes of the EPCIs; informative, access follows the communes.</summary>
    public IReadOnlyList<string> EpciSirens { get; init; } = [];
}
