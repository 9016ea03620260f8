namespace Interop.Client.Benchmarks;

/// <summary>A call of the benchmark did not succeed: the run's figures are void and it exits 1.</summary>
internal sealed class CallFailedException(string side, Exception cause)
    : Exception($"{side}: {cause.GetType().Name}: {cause.Message}", cause);
