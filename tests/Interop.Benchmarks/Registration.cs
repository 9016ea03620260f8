namespace Interop.Benchmarks;

/// <summary>One registration by one client; returns only when it registered, throws otherwise.</summary>
internal delegate Task Registration(CancellationToken cancellationToken);
