namespace Interop.Matching.HeldOut.Population;

/// <summary>Two different people built as a hard negative of each other.</summary>
internal sealed record Relation(int PersonA, int PersonB, RelationKind Kind);
