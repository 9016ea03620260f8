namespace Interop.Matching.HeldOut.Population;

/// <summary>A country of birth: INSEE code (99xxx), its name as a desk types it, the nationality usually held.</summary>
internal sealed record Country(string InseeCode, string Name, string Nationality, double Weight);
