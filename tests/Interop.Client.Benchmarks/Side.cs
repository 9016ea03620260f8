namespace Interop.Client.Benchmarks;

/// <summary>A way of making one call (raw stub, the client library, a door), and its clients, each on its own connection.</summary>
internal sealed record Side(string Name, Func<int, Caller> ClientFor);
