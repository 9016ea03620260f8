namespace Interop.Client.Benchmarks;

/// <summary>
/// One client of one side: <see cref="Prepare"/> builds the next request
/// (untimed: both sides send the same requests), <see cref="SendAsync"/>
/// sends it and checks the answer (timed), throwing on any failure.
/// </summary>
internal sealed record Caller(Func<object> Prepare, Func<object, CancellationToken, Task> SendAsync);
