namespace Interop.Adapters.Sql.Erp;

/// <summary>
/// A row of the sample ERP's <c>erp.dossiers</c>, in its own codes (see <c>Schema/sample-erp.sql</c>); read by
/// Dapper from the table and by System.Text.Json from an outbox payload (snake_case in both).
/// </summary>
public sealed record DossierRow
{
    public string Reference { get; init; } = "";

    public string Origine { get; init; } = "LOCAL";

    public string? NumeroUnique { get; init; }

    public string Civilite { get; init; } = "";

    public string Nom { get; init; } = "";

    public string Prenom { get; init; } = "";

    public DateOnly? DateNaissance { get; init; }

    public string? CommuneNaissance { get; init; }

    public string? Nationalite { get; init; }

    public string? SituationFamiliale { get; init; }

    public string? LogementActuel { get; init; }

    /// <summary>Main rooms of the dwelling lived in now; null: unknown (or an ERP installed before the column).</summary>
    public int? PiecesPrincipales { get; init; }

    /// <summary>Its rent with charges, euros a month; null: unknown.</summary>
    public int? LoyerMensuel { get; init; }

    public string? Motif { get; init; }

    public int? RevenuMensuel { get; init; }

    public string Departement { get; init; } = "";

    public string? Typologie { get; init; }

    public string? CommuneSouhaitee { get; init; }

    public string? Courriel { get; init; }

    public string Statut { get; init; } = "EN_COURS";

    public string? MotifRadiation { get; init; }

    public DateOnly? RenouveleLe { get; init; }

    public long? RevisionHub { get; init; }
}
