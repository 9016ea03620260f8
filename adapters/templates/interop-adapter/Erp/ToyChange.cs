namespace MyAdapter.Erp;

/// <summary>
/// One line of the toy ERP's <c>outbox.jsonl</c>: a change a desk made to a household file (<i>dossier</i>), in
/// the ERP's own shape and codes. Replace it with what your ERP records: an outbox table, a journal, an export.
/// </summary>
public sealed record ToyChange
{
    /// <summary>The ERP's reference of the household file; the SDK links it to the hub's number.</summary>
    public required string Dossier { get; init; }

    /// <summary><c>register</c>, <c>update-income</c> or <c>radiate</c>.</summary>
    public required string Action { get; init; }

    public string Nom { get; init; } = "";

    public string Prenom { get; init; } = "";

    /// <summary>F or H (table <c>applicant.sex</c>).</summary>
    public string Sexe { get; init; } = "";

    public DateOnly DateNaissance { get; init; }

    /// <summary>INSEE code of the birth commune.</summary>
    public string CommuneNaissance { get; init; } = "";

    /// <summary>FR, UE or HUE (table <c>applicant.nationality_class</c>).</summary>
    public string Nationalite { get; init; } = "FR";

    public string? Courriel { get; init; }

    /// <summary>Table <c>family_situation</c>.</summary>
    public string Situation { get; init; } = "";

    /// <summary>Table <c>current_housing</c>.</summary>
    public string Logement { get; init; } = "";

    /// <summary>Table <c>reason_codes</c>.</summary>
    public string Motif { get; init; } = "";

    /// <summary>Monthly income, whole euros.</summary>
    public int Revenu { get; init; }

    public string Departement { get; init; } = "14";

    /// <summary>T1…T5 (table <c>wishes.typologies</c>).</summary>
    public string Typologie { get; init; } = "";

    /// <summary>INSEE code of the wished commune.</summary>
    public string CommuneSouhaitee { get; init; } = "";

    /// <summary>With <c>radiate</c>: table <c>radiation_reason</c>.</summary>
    public string? MotifRadiation { get; init; }
}
