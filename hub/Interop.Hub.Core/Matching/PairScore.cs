namespace Interop.Hub.Core.Matching;

/// <summary>The cheap result of <see cref="Matcher.Score"/>: no explanation is built.</summary>
public readonly record struct PairScore(double Total, MatchOutcome Outcome, MatchVeto Veto);
