namespace Interop.NationalExchange.Returns;

/// <summary>The <c>entete</c> of a return file.</summary>
/// <param name="DateFichier">The day of the return.</param>
/// <param name="NumeroFichier">The national side's return sequence: with the day, the file's identity.</param>
/// <param name="FichierTraite">The export file answered; null for a return of radiations only.</param>
/// <param name="RejetFichier">When the whole export file was refused: the control's code and message.</param>
/// <param name="RadiationsDepuis">The radiations of the file are those decided elsewhere since this day.</param>
public sealed record ReturnFileHeader(
    DateOnly DateFichier,
    int NumeroFichier,
    string? FichierTraite,
    ReturnControl? RejetFichier,
    DateOnly? RadiationsDepuis)
{
    /// <summary>The file's identity, on which the import derives its request ids: <c>yyyy-MM-dd/numero</c>.</summary>
    public string Identity => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DateFichier:yyyy-MM-dd}/{NumeroFichier}");
}

/// <summary>A national control's code and message.</summary>
/// <param name="Code">e.g. GUI01.</param>
/// <param name="Libelle">The message.</param>
public sealed record ReturnControl(string Code, string Libelle);
