namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// Where a person was born: a commune (current code and name, and the former code or name when the commune
/// has since merged) or a country abroad (INSEE code 99xxx and its name).
/// </summary>
internal sealed record BirthPlace(string Code, string Name, bool Abroad, string? FormerCode, string? FormerName)
{
    public bool BornInFormerCommune => FormerCode is not null || FormerName is not null;
}
