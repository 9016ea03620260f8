namespace Interop.Matching.HeldOut.Scoring;

/// <summary>One row of the <c>--pairs</c> file of <c>interop dedup</c>.</summary>
internal sealed record LinkedPair(string LeftId, string RightId, string Outcome, string Total, string Explanation);
