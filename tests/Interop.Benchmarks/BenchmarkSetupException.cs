namespace Interop.Benchmarks;

/// <summary>The environment does not allow a run (no or non-local PostgreSQL); told to the user without a stack trace.</summary>
internal sealed class BenchmarkSetupException(string message) : Exception(message);
