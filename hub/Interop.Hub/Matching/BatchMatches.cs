using Interop.Hub.Core.Matching;

namespace Interop.Hub.Matching;

/// <summary>
/// What the duplicate check found for one person of a batch: matches in the stock, best first, and
/// matches among the earlier people of the same batch (by their index in it), best first.
/// </summary>
internal sealed record BatchMatches(IReadOnlyList<DuplicateMatch> Stock, IReadOnlyList<(int Earlier, MatchResult Result)> EarlierInBatch);
