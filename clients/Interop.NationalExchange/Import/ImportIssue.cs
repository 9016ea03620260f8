namespace Interop.NationalExchange.Import;

/// <summary>A line of a return file the import could not apply as it says, and why.</summary>
/// <param name="Position">The line's place in the file, from 1.</param>
/// <param name="Number">The application's number.</param>
/// <param name="Kind">acquittement, rejet or radiation.</param>
/// <param name="Reason">A sentence for the operator.</param>
public sealed record ImportIssue(long Position, string Number, string Kind, string Reason);
