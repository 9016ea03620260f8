using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>One eligible application in the ranking, with why it is eligible and its score.</summary>
/// <param name="Rank">1 for the first.</param>
/// <param name="Reasons">French, for the CAL: the wish, the rent burden, the ceiling, the score.</param>
public sealed record RankedCandidate(int Rank, string Number, DateOnly FiledDate, CotationScore Score, IReadOnlyList<string> Reasons);
