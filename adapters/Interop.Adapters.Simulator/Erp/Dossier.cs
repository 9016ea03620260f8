namespace Interop.Adapters.Simulator.Erp;

/// <summary>
/// A household's file (<i>dossier</i>) as the simulated landlord ERP stores it: its own shape and
/// its own codes (sex F/H, typology T1…T5, housing LOCPRIV/HEBERGE/…, status ACTIF/RADIE), not the
/// contract's. The adapter translates it through the configuration's mapping tables.
/// </summary>
public sealed record Dossier
{
    /// <summary>The ERP's own reference (<c>A-000042</c> typed here, <c>H-{number}</c> received from the hub).</summary>
    public required string Reference { get; init; }

    /// <summary>Where the file comes from: <c>LOCAL</c> (typed at this landlord) or <c>HUB</c> (received).</summary>
    public string Origine { get; init; } = "LOCAL";

    /// <summary>The hub's number once known (<i>numéro unique</i>).</summary>
    public string? NumeroUnique { get; init; }

    public required string Nom { get; init; }

    public required string Prenom { get; init; }

    /// <summary>F or H.</summary>
    public required string Sexe { get; init; }

    public required DateOnly DateNaissance { get; init; }

    /// <summary>INSEE code of the birth commune.</summary>
    public required string CommuneNaissance { get; init; }

    /// <summary>FR, UE or HUE.</summary>
    public required string Nationalite { get; init; }

    public string? Courriel { get; init; }

    /// <summary>CELIB, MARIE, DIVORCE, SEPARE, PACS.</summary>
    public required string Situation { get; init; }

    /// <summary>LOCPRIV, HLM, HEBERGE, HOTEL, SDF.</summary>
    public required string Logement { get; init; }

    /// <summary>Main rooms of the dwelling lived in now; null: unknown (and in an ERP file written before the field).</summary>
    public int? Pieces { get; init; }

    /// <summary>Its rent with charges, euros a month (0: lodged free); null: unknown.</summary>
    public int? Loyer { get; init; }

    /// <summary>SANSLOGT, DIVORCE.</summary>
    public required string Motif { get; init; }

    /// <summary>Monthly income in euros.</summary>
    public required int Revenu { get; init; }

    /// <summary>The département (two characters).</summary>
    public required string Departement { get; init; }

    /// <summary>T1…T5 (null when the hub's application wishes none).</summary>
    public string? Typologie { get; init; }

    /// <summary>INSEE code of the wished commune.</summary>
    public required string CommuneSouhaitee { get; init; }

    /// <summary>ACTIF, RADIE, EFFACE.</summary>
    public string Statut { get; init; } = "ACTIF";

    /// <summary>The ERP's radiation reason (RENONC, BAIL…) when <see cref="Statut"/> is RADIE.</summary>
    public string? MotifRadiation { get; init; }

    /// <summary>The hub's revision last received.</summary>
    public long Revision { get; init; }
}
