namespace Interop.Hub.Core.Matching.Batch;

/// <summary>A linked pair of a batch run, by record index.</summary>
public readonly record struct BatchPair(int Left, int Right, double Total, MatchOutcome Outcome);
