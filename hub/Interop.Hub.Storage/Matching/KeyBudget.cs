namespace Interop.Hub.Storage.Matching;

/// <summary>
/// How much of the identity index one check may read, so that a check stays a few bounded index
/// look-ups however large the stock grows (matching.md: "cap super-blocks").
/// </summary>
/// <param name="BroadKeyRows">
/// A key shared by at least this many applications is too common to tell anyone apart (a birth
/// date, three letters of "Jean" and a year, a big city's postcode and a sound): it is not read.
/// </param>
/// <param name="RowBudget">
/// At most this many key rows are read for one person, narrowest keys first; the narrowest key
/// that is not broad is always read.
/// </param>
public sealed record KeyBudget(int BroadKeyRows = 2_000, int RowBudget = 6_000);
