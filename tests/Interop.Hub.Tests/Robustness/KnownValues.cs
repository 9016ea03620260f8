namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Real values of the hub under test (resource names, page tokens) that the
/// generator mixes with invalid ones, so that many random requests get past
/// the first checks and reach the code behind them.
/// </summary>
internal sealed record KnownValues(
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> PageTokens);
