namespace Interop.Matching.HeldOut.Population;

/// <summary>A commune merged into a current one: its old INSEE code and, when known, its name.</summary>
internal sealed record FormerCommune(string Code, string? Name);
