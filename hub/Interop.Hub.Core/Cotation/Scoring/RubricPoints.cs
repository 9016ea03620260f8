namespace Interop.Hub.Core.Cotation.Scoring;

/// <summary>Points one rubric gave, after its rule and its cap.</summary>
public sealed record RubricPoints(string RubricId, string Label, decimal Points);
