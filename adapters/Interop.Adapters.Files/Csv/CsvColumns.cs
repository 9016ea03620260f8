namespace Interop.Adapters.Files.Csv;

/// <summary>
/// The export's columns, named in its header line (any order, case ignored; unknown columns ignored).
/// Codes are the landlord's own, mapped through the configuration's tables (<c>Adapter:Mappings</c>).
/// </summary>
public static class CsvColumns
{
    /// <summary>The ERP's reference of the household's file. Required on every line.</summary>
    public const string Dossier = "dossier";

    /// <summary><c>INSCRIPTION</c> (default when empty), <c>MODIFICATION</c>, <c>RENOUVELLEMENT</c> or <c>RADIATION</c>.</summary>
    public const string Operation = "action";

    public const string Nom = "nom";
    public const string Prenom = "prenom";

    /// <summary>Mapped through <c>applicant.sex</c>.</summary>
    public const string Sexe = "sexe";

    /// <summary><c>JJ/MM/AAAA</c> (or <c>AAAA-MM-JJ</c>).</summary>
    public const string DateNaissance = "date_naissance";

    /// <summary>INSEE code of the birth commune.</summary>
    public const string CommuneNaissance = "commune_naissance";

    /// <summary>Mapped through <c>applicant.nationality_class</c>.</summary>
    public const string Nationalite = "nationalite";

    public const string Courriel = "courriel";

    /// <summary>Mapped through <c>family_situation</c>.</summary>
    public const string Situation = "situation";

    /// <summary>Mapped through <c>current_housing</c>.</summary>
    public const string Logement = "logement";

    /// <summary>Mapped through <c>reason_codes</c>; several separated by <c>|</c>.</summary>
    public const string Motifs = "motifs";

    /// <summary>Monthly income in whole euros.</summary>
    public const string Revenu = "revenu";

    /// <summary>Two characters (14, 2A…).</summary>
    public const string Departement = "departement";

    /// <summary>Mapped through <c>wishes.typologies</c>; several separated by <c>|</c>.</summary>
    public const string Typologies = "typologies";

    /// <summary>INSEE codes separated by <c>|</c>.</summary>
    public const string Communes = "communes";

    /// <summary>Mapped through <c>radiation_reason</c>; required with <c>RADIATION</c>.</summary>
    public const string MotifRadiation = "motif_radiation";
}
