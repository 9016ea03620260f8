namespace Interop.NationalExchange.Writing;

/// <summary>The <c>entete</c> of a file: nothing of the run's own clock, so a rerun writes the same bytes.</summary>
/// <param name="DateFichier">The day the file is for.</param>
/// <param name="NumeroFichier">The run's sequence number (1, 2, 3… over all runs).</param>
/// <param name="After">The last change_seq of the previous run (exclusive).</param>
internal sealed record NuuFileHeader(DateOnly DateFichier, int NumeroFichier, long After);
