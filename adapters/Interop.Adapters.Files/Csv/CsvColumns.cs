namespace Interop.Adapters.Files.Csv;

/// <summary>
/// The export's columns, named in its header line (any order, case ignored; unknown columns ignored).
/// Codes are the landlord's own, mapped through the configuration's tables (<c>Adapter:Mappings</c>).
/// </summary>
public static class CsvColumns
{
    /// <summary>The ERP's reference of the household's file. Required on every line.</summary>
    public const string Dossier = "dossier";

    /// <summary><c>INSCRIPTION</c> (default when empty), <c>MODIFICATION</c>, <c>RENOUVELLEMENT</c>, <c>RADIATION</c> or <c>BAIL</c>.</summary>
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

    /// <summary>Optional: the main rooms of the dwelling lived in now (1 to 20); empty or absent, unknown.</summary>
    public const string Pieces = "pieces";

    /// <summary>Optional: its rent with charges, whole euros a month (0: lodged free); empty or absent, unknown.</summary>
    public const string Loyer = "loyer";

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

    /// <summary>With <c>BAIL</c>: the RPLS id of the dwelling leased to the household. Required then.</summary>
    public const string LogementAttribue = "logement_attribue";

    /// <summary>With <c>BAIL</c>: INSEE code of the dwelling's commune. Required then.</summary>
    public const string CommuneLogement = "commune_logement";

    /// <summary>With <c>BAIL</c>: mapped through <c>proposal.typology</c>. Required then.</summary>
    public const string TypologieLogement = "typologie_logement";

    /// <summary>With <c>BAIL</c>: the reservation contingent, mapped through <c>proposal.reservation_holder</c>. Required then.</summary>
    public const string Contingent = "contingent";

    /// <summary>With <c>BAIL</c>: mapped through <c>lease.collective_agreement</c>. Required then.</summary>
    public const string AccordCollectif = "accord_collectif";

    /// <summary>With <c>BAIL</c>: the lease's date, <c>JJ/MM/AAAA</c>; empty, the hub's day.</summary>
    public const string DateBail = "date_bail";

    /// <summary>With <c>BAIL</c>: <c>O</c> when the household was rehoused as a DALO priority; empty or <c>N</c> otherwise.</summary>
    public const string Dalo = "dalo";
}
