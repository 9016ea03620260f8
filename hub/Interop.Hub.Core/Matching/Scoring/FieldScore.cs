namespace Interop.Hub.Core.Matching.Scoring;

/// <summary>One field's level and weight while a pair is scored.</summary>
internal readonly record struct FieldScore(MatchLevel Level, double Weight);
