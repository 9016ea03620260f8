using Interop.Hub.Core.Cotation.Scoring;

namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>An application with its score of the day, as the ranking takes them.</summary>
public sealed record ScoredSubject(CotationSubject Subject, CotationScore Score);
