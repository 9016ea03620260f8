namespace Interop.Adapters.Files.Csv;

/// <summary>A line of an export that did not go to the hub, and why.</summary>
/// <param name="Line">The line number in the file (the header is line 1).</param>
/// <param name="Reason">Why: the reading's, the mapping's or the hub's reason.</param>
public sealed record RejectedLine(int Line, string Reason);
