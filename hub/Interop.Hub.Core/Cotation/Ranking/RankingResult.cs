namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>The candidates for one dwelling: eligible ones in order, and the others with their reasons.</summary>
public sealed record RankingResult(DwellingProfile Dwelling, IReadOnlyList<RankedCandidate> Ranked, IReadOnlyList<ExcludedCandidate> Excluded);
