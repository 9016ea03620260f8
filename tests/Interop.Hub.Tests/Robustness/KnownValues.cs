namespace Interop.Hub.Tests.Robustness;

/// <summary>
/// Real values of the hub under test (resource names, page tokens) that the
/// generator mixes with invalid ones, so that many random requests get past
/// the first checks and reach the code behind them; and one valid request per
/// RPC (by method name) that the generator changes a little.
/// </summary>
internal sealed record KnownValues(
    IReadOnlyList<string> ResourceNames,
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> PageTokens,
    IReadOnlyDictionary<string, Google.Protobuf.IMessage> ValidRequests);
