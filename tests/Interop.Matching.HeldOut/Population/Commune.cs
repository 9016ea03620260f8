namespace Interop.Matching.HeldOut.Population;

/// <summary>
/// A current commune; <see cref="Former"/> are the communes merged into it (a person born there before the merger
/// carries the old code or name on their papers).
/// </summary>
internal sealed record Commune(string Code, string Name, string Postcode, string Department, IReadOnlyList<FormerCommune> Former)
{
    public bool IsMerged => Former.Count > 0;
}
