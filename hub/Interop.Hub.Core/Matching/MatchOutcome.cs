namespace Interop.Hub.Core.Matching;

/// <summary>The decision on a pair, from its total weight and <see cref="MatchModel"/>'s thresholds.</summary>
public enum MatchOutcome
{
    /// <summary>Not the same person (or declared so by an operator).</summary>
    Distinct,

    /// <summary>Possibly the same person: a human decides (review queue).</summary>
    Probable,

    /// <summary>The same person beyond reasonable doubt: the hub may refuse the duplicate.</summary>
    Certain,
}
