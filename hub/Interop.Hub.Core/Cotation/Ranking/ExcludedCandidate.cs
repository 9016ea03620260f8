namespace Interop.Hub.Core.Cotation.Ranking;

/// <summary>An application the ranking left out, with every reason (French).</summary>
public sealed record ExcludedCandidate(string Number, IReadOnlyList<string> Reasons);
